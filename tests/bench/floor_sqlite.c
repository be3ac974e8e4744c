/* floor_sqlite.c -- the least a start-up hook can do with SQLite: open the
 * database file and read one row. The bench divides schemagate's no-op
 * start by this.
 *
 *   floor_sqlite FILE [SQL]   (SQL defaults to "SELECT 1") */
#include <sqlite3.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int rc;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: floor_sqlite FILE [SQL]\n");
        return 64;
    }
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        fprintf(stderr, "floor_sqlite: %s\n", db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return 69;
    }
    rc = sqlite3_prepare_v2(db, argc == 3 ? argv[2] : "SELECT 1", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        fprintf(stderr, "floor_sqlite: %s\n", sqlite3_errmsg(db));
        sqlite3_finalize(st);
        sqlite3_close(db);
        return 65;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return 0;
}
