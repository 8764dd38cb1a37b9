"""/healthz for load balancers: can this server answer pages, and is its cache there?

The database is vital: without it the server answers 503 and the balancer should take it
out. The cache is not: without it pages are served uncached, so the server answers 200 with
``"status": "degraded"`` — a 503 there would make the balancer drain every server at once,
since they all share one Redis. Neither check can hang: the cache backend has socket
timeouts (ministry/cache.py) and the database a connect timeout (settings ``database()``).
"""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not healthy"; details go to the logs, not the page
        return False


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
