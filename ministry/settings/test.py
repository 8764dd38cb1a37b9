"""The test suite: runs on SQLite by default and on PostgreSQL with DATABASE_URL."""

from .base import *  # noqa: F403

# MD5 is insecure but makes creating users in tests fast.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Local memory: no shared state between test processes, nothing to start.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
