"""The test suite: runs on SQLite by default and on PostgreSQL with DATABASE_URL."""

from .base import *  # noqa: F403

# Demo content and generators (devdata/), never in base or prod. A new list, not append():
# base's list is the one prod imports.
INSTALLED_APPS = [*INSTALLED_APPS, "devdata"]  # noqa: F405
# MD5 is insecure but makes creating users in tests fast.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Local memory: no shared state between test processes, nothing to start.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# Off unless a test turns it on (tests/test_page_cache.py): the local-memory cache outlives
# each test's rolled-back database, and a page cached by one test must not answer the next.
PRESS_PAGE_CACHE_SECONDS = 0
# The read replica is the test database itself (a mirror), so the routing can be tested;
# off unless a test turns it on (tests/test_routers.py): the replica's own connection cannot
# see the rows a test writes inside its transaction.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
PRESS_READ_REPLICA = None
# Tasks run at once, in the request that enqueues them (after its commit): tests read
# mail.outbox and the Telegram posts right after the request. tests/test_tasks.py switches
# to the database backend and runs a real db_worker.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}
TELEGRAM_BOT_TOKEN = ""
TELEGRAM_CHANNELS = {}
