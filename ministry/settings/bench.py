"""Benchmarks and the load test (bench/): production-like, on loopback, no secrets needed.

DEBUG off, the database from DATABASE_URL (press_bench), Redis from REDIS_URL when set
(else local memory), no HTTPS redirect (wrk speaks plain HTTP to 127.0.0.1).
PRESS_PAGE_CACHE_SECONDS=0 in the environment measures pages uncached.
"""

import os

from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# Demo content and generators (devdata/), never in base or prod. A new list, not append():
# base's list is the one prod imports.
INSTALLED_APPS = [*INSTALLED_APPS, "devdata"]  # noqa: F405
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "ministry.cache.FailFastRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # Apart from anything else in that Redis, and from the other bench databases:
            # kept counts, matches and cards of one would be read on another's pages.
            "KEY_PREFIX": f"press-bench:{DATABASES['default']['NAME']}",  # noqa: F405
        }
    }
# One line per request on stderr would cost more than some pages: warnings only.
LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "WARNING")  # noqa: F405
