"""gunicorn reads ./gunicorn.conf.py (the image's WORKDIR is /app).

Settings come from the environment so one image serves compose, Kubernetes
and the container tests: PORT (default 8000), WEB_CONCURRENCY (workers,
default 2)."""
import os

bind = os.environ.get("BIND", "0.0.0.0:" + os.environ.get("PORT", "8000"))
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Heartbeat files in memory: works with a read-only root filesystem.
worker_tmp_dir = "/dev/shm"
accesslog = "-"
# Docker and podman wait 10 s after SIGTERM before SIGKILL; finish in-flight
# requests well inside that (Kubernetes allows 30 s by default).
graceful_timeout = 8


def on_starting(server):
    # One line proving the handoff: gunicorn's master has schemagate's PID.
    print(f"app: gunicorn master pid={os.getpid()} uid={os.getuid()} gid={os.getgid()}",
          flush=True)
