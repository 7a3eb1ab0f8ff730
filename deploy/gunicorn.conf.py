"""gunicorn settings for Levensloop: ``gunicorn -c deploy/gunicorn.conf.py``.

Every value can be set from the environment, so one file serves every machine. The timer scheduler
is not part of these processes: run ``levensloop scheduler`` as its own service.
"""
import gc
import multiprocessing
import os

from api import secrets_config

wsgi_app = "api.wsgi:create_production_app()"
bind = os.environ.get("LEVENSLOOP_BIND", "127.0.0.1:8000").split(",")
# gthread: a few threads per worker overlap database waits; workers use both cores
worker_class = "gthread"
workers = int(os.environ.get("LEVENSLOOP_WORKERS", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("LEVENSLOOP_THREADS", 4))
timeout = int(os.environ.get("LEVENSLOOP_TIMEOUT", 60))  # a worker silent this long is restarted
graceful_timeout = int(os.environ.get("LEVENSLOOP_GRACEFUL_TIMEOUT", 30))  # SIGTERM/HUP: finish requests
keepalive = 5
# restart workers now and then (staggered), so a slow leak never grows without bound; not so often that the
# start-up (imports, app, caches) shows: at 100 completions/s a worker restarts every few minutes
max_requests = int(os.environ.get("LEVENSLOOP_MAX_REQUESTS", 20000))
max_requests_jitter = max_requests // 10
# the reverse proxy that terminates TLS; X-Forwarded-* is trusted from these addresses only
forwarded_allow_ips = os.environ.get("LEVENSLOOP_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("LEVENSLOOP_ACCESS_LOG", "-")
errorlog = "-"
control_socket_disable = True  # managed by signals (systemd, docker), not by gunicornc


def on_starting(server):
    """Refuse in the master, before any worker forks, when a secret is missing (as ``serve`` does)."""
    reason = secrets_config.refusal()
    if reason:
        raise RuntimeError(reason)


def post_worker_init(worker):
    """Everything the worker loaded to serve (modules, the app, its metadata) lives as long as the worker:
    frozen, the garbage collector no longer walks it on every collection of the oldest generation."""
    gc.collect()
    gc.freeze()
