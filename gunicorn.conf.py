# gunicorn -c gunicorn.conf.py ministry.wsgi  (production settings come from the environment)
import gc
import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# One process per CPU, several threads each: a page-cache hit is under a millisecond of
# CPU, and with 2 × CPUs + 1 processes of 2 threads the connections spread unevenly over
# the processes and queued behind each other (p99 57-68 ms against 28-39 ms; load.md).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# gthread by default; GUNICORN_WORKER_CLASS=sync to compare (bench/load.py --worker-class).
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
# Each worker listens on a socket of its own (SO_REUSEPORT) and the kernel spreads new
# connections over them evenly. On one shared socket the worker free at that instant took
# every connection opened while the other was busy for a moment (a page rendering), and
# kept them for their life: one worker served them all with its 8 threads, queueing (the
# publish storm: half the throughput for five seconds, p99 100-200 ms; bench/README.md).
# Hazard: a worker that exits (max_requests, a reload, a crash) resets the connections still
# waiting in its socket's queue, unless the kernel moves them (net.ipv4.tcp_migrate_req=1,
# docs/deploy.md); HAProxy retries those. GUNICORN_REUSE_PORT=0 shares one socket again.
reuse_port = os.environ.get("GUNICORN_REUSE_PORT", "1") == "1"
timeout = 30
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (bounded memory growth), but rarely: a worker restarts by
# importing the whole app, a second of a CPU. At 2,000 requests a worker restarted every
# few seconds under load and made the p99 (bench/results/load.md).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    # Before the worker accepts a connection: a new worker (at start, or recycled by
    # max_requests) compiled its templates and loaded the search's names on its first
    # pages, ~140 ms for a home page, while the requests behind it queued (ministry/warmup.py).
    try:
        from ministry.warmup import warm
    except ImportError:  # another project's app under this configuration (bench/peer.py)
        pass
    else:
        warm()
        # What is in memory now (Django, the app, the compiled templates, the names) stays for
        # the worker's life: kept out of the collector's full passes, which walked all of it
        # and stopped every thread of the worker for 80-120 ms now and then under load (13-18
        # ms once frozen; bench/README.md).
        gc.freeze()
    # bench/load.py waits for every worker's line before it measures.
    worker.log.info("Worker %s ready to serve", worker.pid)
