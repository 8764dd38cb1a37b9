"""Django's Redis cache backend, made to fail fast: a cache that hangs must not hang the site.

Without socket timeouts, a Redis that stops answering (paused, a network partition, a full
accept queue) holds every request that touches the cache forever: the page cache, kept
counts and /healthz included. Here each connection has connect and read timeouts, and after
a failure every process skips Redis for ``FAILURE_PAUSE`` seconds, raising at once instead
of paying the timeout again on each call. The callers (press/site/cache.py, ministry/health.py)
already treat any cache error as a miss, so the site serves pages uncached meanwhile.
"""

import functools
import pickle
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient, RedisSerializer
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

DEFAULTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


class CacheUnavailable(RedisConnectionError):
    """Raised without touching the network while the pause after a failure lasts."""


# Shared by every thread of the process: Django gives each thread its own cache object, and
# each one paying the timeout once more would multiply the stall by the thread count.
_down_until: dict[str, float] = {}
_lock = threading.Lock()


class KeptClientRedisCacheClient(RedisCacheClient):
    """Django's client, with one ``redis.Redis`` per connection pool instead of a new one for
    every cache call: building it (its response callbacks, its retry policy) cost more of
    the CPU than the call itself, and a page makes several calls (the page cache, the
    cards, what a list keeps). The Redis object holds no connection of its own (it takes
    one from the pool for each command), so keeping it changes nothing about reconnecting
    after Redis comes back."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class PickleFirstSerializer(RedisSerializer):
    """Django's serializer (integers as themselves for INCR, everything else pickled),
    reading a pickle without first trying it as an integer: Django's ``int(data)`` raised
    and caught a ValueError for every kept card, page and tag read. Pickles start with
    the PROTO opcode (0x80) from protocol 2 on, which no integer's digits do."""

    def loads(self, data):
        if data[:1] == b"\x80":
            return pickle.loads(data)
        return int(data)


class FailFastRedisCache(RedisCache):
    """RedisCache with socket timeouts and a pause after a failure.

    OPTIONS: ``FAILURE_PAUSE`` (seconds, default 10) and any redis-py connection option;
    ``socket_connect_timeout`` and ``socket_timeout`` default to half a second.
    """

    def __init__(self, server, params):
        options = {"serializer": PickleFirstSerializer, **DEFAULTS, **params.get("OPTIONS", {})}
        self.failure_pause = float(options.pop("FAILURE_PAUSE", 10))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = KeptClientRedisCacheClient
        self.breaker_key = str(server)

    def validate_key(self, key):
        """Any key: Redis takes keys of any bytes and length. Django's check warns of keys
        that memcached would refuse, running a regular expression on each key of every
        call (a page reads ~45), which Django's documentation suggests turning off this
        way for a backend that accepts them ("Cache key warnings")."""

    def is_paused(self) -> bool:
        """True while Redis failed less than FAILURE_PAUSE seconds ago."""
        return time.monotonic() < _down_until.get(self.breaker_key, 0.0)

    def failed(self) -> None:
        with _lock:
            _down_until[self.breaker_key] = time.monotonic() + self.failure_pause


def _fail_fast(name):
    method = getattr(RedisCache, name)

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        if self.is_paused():
            raise CacheUnavailable(f"Redis failed less than {self.failure_pause:g} s ago")
        try:
            return method(self, *args, **kwargs)
        except RedisError:
            self.failed()
            raise

    return guarded


for _name in (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
):
    setattr(FailFastRedisCache, _name, _fail_fast(_name))
