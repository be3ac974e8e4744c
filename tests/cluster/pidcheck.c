/* pidcheck URL -- prints two pids for one libpq session: the one in the
 * BackendKeyData message (PQbackendPID) and the server's own answer to
 * SELECT pg_backend_pid(). Directly connected they are equal; through PgBouncer
 * the first is the pooler's invention, so a client must not use it to tell
 * which server session it has. Exit 0 when both were read. */
#include <libpq-fe.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    PGconn *c;
    PGresult *r;
    int rc = 1;

    if (argc != 2) {
        fprintf(stderr, "usage: pidcheck URL\n");
        return 64;
    }
    c = PQconnectdb(argv[1]);
    if (PQstatus(c) != CONNECTION_OK) {
        fprintf(stderr, "pidcheck: unable to connect: %s", PQerrorMessage(c));
        PQfinish(c);
        return 69;
    }
    r = PQexec(c, "SELECT pg_backend_pid()");
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
        printf("%d %s\n", PQbackendPID(c), PQgetvalue(r, 0, 0));
        rc = 0;
    } else {
        fprintf(stderr, "pidcheck: unable to query: %s", PQerrorMessage(c));
    }
    PQclear(r);
    PQfinish(c);
    return rc;
}
