/* floor_mysql.c -- the least a start-up hook can do against MySQL/MariaDB:
 * open one connection over TCP, run one query, read its result, close. The
 * bench divides schemagate's no-op start by this.
 *
 *   floor_mysql HOST PORT USER DATABASE [SQL]
 * The password comes from MYSQL_PWD (never argv); SQL defaults to "SELECT 1". */
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    MYSQL *db;
    MYSQL_RES *res;
    unsigned int tcp = MYSQL_PROTOCOL_TCP;
    int rc = 0;

    if (argc < 5 || argc > 6) {
        fprintf(stderr, "usage: floor_mysql HOST PORT USER DATABASE [SQL]\n");
        return 64;
    }
    db = mysql_init(NULL);
    if (!db)
        return 71;
    mysql_options(db, MYSQL_OPT_PROTOCOL, &tcp);
    if (!mysql_real_connect(db, argv[1], argv[3], getenv("MYSQL_PWD"), argv[4],
                            (unsigned)atoi(argv[2]), NULL, 0)) {
        fprintf(stderr, "floor_mysql: %s\n", mysql_error(db));
        mysql_close(db);
        return 69;
    }
    if (mysql_query(db, argc == 6 ? argv[5] : "SELECT 1") || !(res = mysql_store_result(db))) {
        fprintf(stderr, "floor_mysql: %s\n", mysql_error(db));
        rc = 65;
    } else {
        mysql_free_result(res);
    }
    mysql_close(db);
    return rc;
}
