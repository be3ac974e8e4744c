"""The example application: a few JSON endpoints over the schema that
../migrations/ creates.

It is started by `schemagate up -- gunicorn app:app`: schemagate applies the
pending migrations under the database lock and then execs gunicorn in its
place, so by the time this module is imported every table exists. The app
never creates or checks tables itself, and it keeps schemagate's PID (1 in a
container), which /healthz reports.

DATABASE_URL is the same URL schemagate used: postgres://... (psycopg2) or
sqlite:path.db / sqlite:///abs/path.db (the standard library's sqlite3).
"""
import os
import sqlite3
import uuid

from flask import Flask, abort, jsonify, request

DATABASE_URL = os.environ.get("DATABASE_URL", "")

app = Flask(__name__)


def connect():
    """Opens a connection and returns it with its parameter placeholder."""
    if DATABASE_URL.startswith(("postgres://", "postgresql://")):
        import psycopg2  # only needed for PostgreSQL

        return psycopg2.connect(DATABASE_URL), "%s"
    if DATABASE_URL.startswith("sqlite:"):
        path = DATABASE_URL[len("sqlite:"):]
        if path.startswith("//"):  # sqlite:///abs/path.db
            path = path[2:]
        conn = sqlite3.connect(path, timeout=5)
        conn.execute("PRAGMA foreign_keys = ON")
        return conn, "?"
    raise RuntimeError("DATABASE_URL must be a postgres:// or sqlite: URL")


def query(sql, args=()):
    conn, ph = connect()
    try:
        cur = conn.cursor()
        cur.execute(sql.replace("?", ph), args)
        rows = cur.fetchall() if cur.description else []
        conn.commit()
        return rows
    finally:
        conn.close()


@app.get("/healthz")
def healthz():
    # pid is 1 in a container: schemagate exec'd gunicorn, whose master is the
    # parent of this worker.
    return jsonify(status="ok", worker_pid=os.getpid(), master_pid=os.getppid(),
                   uid=os.getuid(), gid=os.getgid())


@app.get("/")
def index():
    return jsonify(
        users=query("SELECT COUNT(*) FROM users")[0][0],
        orders=query("SELECT COUNT(*) FROM orders")[0][0],
        order_statuses=[code for (code,) in query("SELECT code FROM order_statuses ORDER BY code")],
        audit_log=[detail for (detail,) in query(
            "SELECT detail FROM audit_log WHERE event = 'migration' ORDER BY detail")],
    )


@app.post("/users")
def create_user():
    body = request.get_json(silent=True) or {}
    email, name = body.get("email"), body.get("name")
    if not email or not name:
        abort(400, "email and name are required")
    uid = str(uuid.uuid4())
    query("INSERT INTO users (id, email, name, email_lower) VALUES (?, ?, ?, ?)",
          (uid, email, name, email.lower()))
    return jsonify(id=uid, email=email, name=name), 201


@app.post("/users/<user_id>/orders")
def create_order(user_id):
    body = request.get_json(silent=True) or {}
    total = body.get("total_cents")
    if not isinstance(total, int) or total < 0:
        abort(400, "total_cents must be a non-negative integer")
    oid = str(uuid.uuid4())
    query("INSERT INTO orders (id, user_id, total_cents) VALUES (?, ?, ?)", (oid, user_id, total))
    return jsonify(id=oid, user_id=user_id, total_cents=total), 201
