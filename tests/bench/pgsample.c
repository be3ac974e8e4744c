/* pgsample.c -- samples PostgreSQL's sessions every ~10 ms for the herd case:
 * how many belong to schemagate (application_name LIKE 'schemagate%') and
 * how many client sessions there are in all. It connects before the herd
 * starts and keeps its one session, so it never competes for a slot.
 *
 *   pgsample URL STOPFILE [MAX_SECONDS]
 * Samples until STOPFILE exists (or MAX_SECONDS, default 120), then prints
 * "samples peak_schemagate peak_clients" on stdout. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    PGconn *db;
    long samples = 0, peak_sg = 0, peak_all = 0;
    double limit, t0 = now_s();
    const struct timespec tick = {0, 10 * 1000 * 1000};

    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: pgsample URL STOPFILE [MAX_SECONDS]\n");
        return 64;
    }
    limit = argc == 4 ? atof(argv[3]) : 120.0;
    db = PQconnectdb(argv[1]);
    if (PQstatus(db) != CONNECTION_OK) {
        fprintf(stderr, "pgsample: %s", PQerrorMessage(db));
        PQfinish(db);
        return 69;
    }
    while (access(argv[2], F_OK) != 0 && now_s() - t0 < limit) {
        PGresult *res = PQexec(db, "SELECT count(*) FILTER (WHERE application_name LIKE "
                                   "'schemagate%'), count(*) FROM pg_stat_activity WHERE "
                                   "backend_type = 'client backend' AND pid <> pg_backend_pid()");
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            fprintf(stderr, "pgsample: %s", PQerrorMessage(db));
            PQclear(res);
            PQfinish(db);
            return 69;
        }
        long sg = atol(PQgetvalue(res, 0, 0)), all = atol(PQgetvalue(res, 0, 1));
        PQclear(res);
        samples++;
        if (sg > peak_sg)
            peak_sg = sg;
        if (all > peak_all)
            peak_all = all;
        nanosleep(&tick, NULL);
    }
    printf("%ld %ld %ld\n", samples, peak_sg, peak_all);
    PQfinish(db);
    return 0;
}
