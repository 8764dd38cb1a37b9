"""/healthz for load balancers: can this server answer pages, and is its cache there?

The database is vital: without it the server answers 503 and the balancer should take it
out. The cache is not: without it pages are served uncached, so the server answers 200 with
``"status": "degraded"`` — a 503 there would make the balancer drain every server at once,
since they all share one Redis. Neither check can hang: the cache backend has socket
timeouts (ministry/cache.py), and the database is asked in a thread of its own that the
answer waits for at most DATABASE_CHECK_SECONDS.
"""

import threading

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

# A balancer gives a probe a few seconds. The connection's own bounds (connect 5 s, a read
# 35 s) are made for pages; a stalled database must be reported well within the probe's.
DATABASE_CHECK_SECONDS = 1.0

# At most one check in flight per process: while the database stalls, each probe would
# otherwise leave one more thread waiting on it.
_checking = threading.Lock()


def _select_one(result: dict) -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            result["ok"] = cursor.fetchone() == (1,)
    except Exception:  # any failure means "not healthy"; details go to the logs, not the page
        result["ok"] = False
    finally:
        connection.close()  # this thread's own connection, never reused
        _checking.release()


def _database_ok() -> bool:
    """True if the database answered SELECT 1 within DATABASE_CHECK_SECONDS."""
    if not _checking.acquire(blocking=False):
        return False  # the previous check still waits: the database is not answering
    result = {}
    thread = threading.Thread(target=_select_one, args=(result,), daemon=True)
    thread.start()
    thread.join(DATABASE_CHECK_SECONDS)
    return result.get("ok", False)


def _cache_ok() -> bool:
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:
        return False


@never_cache
def healthz(request):
    database, cache_ok = _database_ok(), _cache_ok()
    if not database:
        status = "unavailable"
    else:
        status = "ok" if cache_ok else "degraded"
    body = {
        "status": status,
        "database": "ok" if database else "unavailable",
        "cache": "ok" if cache_ok else "unavailable",
    }
    return JsonResponse(body, status=503 if status == "unavailable" else 200)
