/* floor_pg.c -- the least a start-up hook can do against PostgreSQL: open one
 * libpq connection, run one query, read its result, close. The bench divides
 * schemagate's no-op start by this.
 *
 *   floor_pg URL [SQL]      (SQL defaults to "SELECT 1") */
#include <libpq-fe.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    PGconn *db;
    PGresult *res;
    int rc = 0;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: floor_pg URL [SQL]\n");
        return 64;
    }
    db = PQconnectdb(argv[1]);
    if (PQstatus(db) != CONNECTION_OK) {
        fprintf(stderr, "floor_pg: %s", PQerrorMessage(db));
        PQfinish(db);
        return 69;
    }
    res = PQexec(db, argc == 3 ? argv[2] : "SELECT 1");
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        fprintf(stderr, "floor_pg: %s", PQerrorMessage(db));
        rc = 65;
    }
    PQclear(res);
    PQfinish(db);
    return rc;
}
