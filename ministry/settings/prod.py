"""Production: every secret comes from the environment; refuses to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def require_env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


SECRET_KEY = require_env("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in require_env("ALLOWED_HOSTS").split(",") if h.strip()]
DATABASES = {"default": database(require_env("DATABASE_URL"))}  # noqa: F405
PRESS_READ_REPLICA = add_read_replica(DATABASES)  # noqa: F405 (DATABASE_REPLICA_URL, optional)
DEBUG = False

# One cache shared by every app server: cached pages and their generation
# (press/site/page_cache.py). A per-process cache would let one server serve pages another
# has invalidated, so production refuses to start without it. Sessions stay in the database
# (Django's default backend): any app server can answer any request.
CACHES = {
    "default": {
        # Django's RedisCache with socket timeouts and a pause after a failure: a Redis that
        # hangs or is down leaves the site serving uncached, never waiting (ministry/cache.py).
        "BACKEND": "ministry.cache.FailFastRedisCache",
        "LOCATION": require_env("REDIS_URL"),
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "press"),
        "TIMEOUT": 300,
    }
}


def media_origin(options: dict) -> str:
    """Where S3Storage's photo URLs point: the CDN domain, else the bucket's endpoint."""
    from urllib.parse import urlsplit

    if options["custom_domain"]:
        return f"https://{options['custom_domain']}"
    bucket = options["bucket_name"]
    if options["endpoint_url"]:
        url = urlsplit(options["endpoint_url"])
        if options["addressing_style"] == "virtual":
            return f"{url.scheme}://{bucket}.{url.netloc}"
        return f"{url.scheme}://{url.netloc}"
    region = options["region_name"]
    return (
        f"https://{bucket}.s3.{region}.amazonaws.com"
        if region
        else f"https://{bucket}.s3.amazonaws.com"
    )


# Static files: served by whitenoise from every app server, with hashed names (collectstatic
# at build time) so that a CDN and browsers may keep them for a year.
# Media (photos, renditions, documents): MEDIA_STORAGE=s3 puts them in an S3-compatible
# bucket shared by all app servers (django-storages); the default, "filesystem", is the
# local MEDIA_ROOT and suits one machine only. The code reaches files only through the
# storage API (open, save, delete, url), never through a local path.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "filesystem").strip().lower()
if MEDIA_STORAGE == "s3":
    _media = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": require_env("AWS_STORAGE_BUCKET_NAME"),
            # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the machine's role.
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,  # the media CDN
            "location": os.environ.get("AWS_LOCATION", ""),
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            # Photos are public by address (random names, never listed): plain URLs that a
            # cached page can carry, unless the operator asks for signed ones.
            "querystring_auth": os.environ.get("AWS_QUERYSTRING_AUTH", "0") == "1",
            "default_acl": None,  # the bucket's policy decides who reads
            "file_overwrite": False,
            # A stored name never gets other bytes (press/models/files.py random_name).
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    # Photos come from the bucket's origin (or its CDN): the CSP must let pages show them.
    MEDIA_ORIGIN = os.environ.get("MEDIA_ORIGIN", "").strip() or media_origin(_media["OPTIONS"])
    _csp = CONTENT_SECURITY_POLICY["DIRECTIVES"]  # noqa: F405
    _csp["img-src"] = [*_csp["img-src"], MEDIA_ORIGIN]
elif MEDIA_STORAGE == "filesystem":
    _media = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured("MEDIA_STORAGE is either 'filesystem' or 's3'.")

STORAGES = {
    "default": _media,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS everywhere; the load balancer terminates TLS and says so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
