"""show_tables.py DB -- the program `make demo` hands over to.

schemagate execs this after applying the migrations, so it prints the same
PID the demo printed before exec'ing schemagate: one process, three programs.
It lists every table with its columns and rows, and the indexes."""
import os
import sqlite3
import sys


def main():
    db = sys.argv[1]
    print(f"demo: pid {os.getpid()} is now python3 {os.path.basename(__file__)} "
          "(exec'd by schemagate: same process)")
    conn = sqlite3.connect(db)
    tables = [n for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for name in tables:
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
        rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
        print(f"\n{name} ({len(rows)} row{'s' if len(rows) != 1 else ''})")
        print("  " + " | ".join(cols))
        for r in rows[:10]:
            print("  " + " | ".join("" if v is None else str(v)[:44] for v in r))
        if name == "schemagate_migrations" and rows and "applied_by" in cols:
            by = rows[0][cols.index("applied_by")]
            if str(by).endswith(f":{os.getpid()}"):
                print(f"  (applied_by {by}: host:pid of schemagate, which is this very process)")
    print("\nindexes:")
    for name, table in conn.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' "
            "AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name"):
        print(f"  {name} on {table}")
    conn.close()


if __name__ == "__main__":
    main()
