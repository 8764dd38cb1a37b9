"""Settings shared by every environment.

Runs on SQLite with no environment at all; ``DATABASE_URL`` switches the database
(``postgres://postgres@127.0.0.1:5432/test`` for PostgreSQL).
"""

import os
from pathlib import Path

import dj_database_url
from django.conf import locale as django_locale
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its tabbed admin wins.
    "modeltranslation",
    "ministry.apps.MinistryAdminConfig",  # django.contrib.admin, with our AdminSite
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "django_prose_editor",  # the admin's rich text editor: its static files (press/admin/editor.py)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # The public API (press/api/): ninja in INSTALLED_APPS makes its docs page use the
    # Swagger UI files it ships (static/ninja/), never a CDN.
    "ninja",
    # The task queue (press/tasks.py): django_tasks is the tasks API, django_tasks_db keeps
    # the queue in our database and lists failed tasks in the admin.
    "django_tasks",
    "django_tasks_db",
    "press",
]

MIDDLEWARE = [
    # Before anything reads the host to build a URL or a cache key (ministry/middleware.py).
    "ministry.middleware.AllowedHostMiddleware",
    # The API's CORS headers and preflight answers (press/api/cors.py): above the page cache
    # and the conditional GET, so that a 304 or a cached answer carries them too.
    "press.api.cors.ApiCorsMiddleware",
    # Whole public pages for anonymous visitors (press/site/page_cache.py): a hit runs
    # nothing below; what is stored is the answer as everything below made it.
    "press.site.page_cache.PageCacheMiddleware",
    # Marks anonymous reads of public pages for the read replica (ministry/routers.py).
    "ministry.routers.PublicReadMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "ministry.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag from the content and 304 for If-None-Match; outside CacheHeadersMiddleware,
    # which decides whether a response may be cached at all and sees every cookie set
    # by the middleware below it (session, CSRF, messages).
    "django.middleware.http.ConditionalGetMiddleware",
    "press.site.cache_headers.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ministry.middleware.IdleSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it watches the login attempts of everything above.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ministry.urls"
WSGI_APPLICATION = "ministry.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def database(url: str) -> dict:
    """A DATABASES entry for ``url`` that never lets a request wait on the database for ever.

    Persistent connections are checked before reuse (CONN_HEALTH_CHECKS): after a database
    restart or a failover, a kept connection is dead, and reusing it unchecked answers 500.
    On PostgreSQL, connecting gives up after DATABASE_CONNECT_TIMEOUT seconds and a statement
    after DATABASE_STATEMENT_TIMEOUT milliseconds (0 turns it off: set that for a migration
    that builds an index on a large table). The server enforces the statement timeout, so
    a server that stops answering altogether would still hold the request: our backend
    (ministry/db/postgresql) also gives up waiting for any answer after
    DATABASE_READ_TIMEOUT seconds, by default the statement timeout and 5 s more (off with it),
    and lets at most GUNICORN_THREADS - 2 threads of a process wait that long, so that a
    stalled database leaves threads free for cached pages and /healthz.
    """
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.postgresql":
        statement_ms = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "30000"))
        read_default = str(statement_ms / 1000 + 5) if statement_ms else ""
        read_timeout = os.environ.get("DATABASE_READ_TIMEOUT", read_default)
        config["ENGINE"] = "ministry.db.postgresql"
        config["OPTIONS"] = {
            "connect_timeout": int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")),
            "options": f"-c statement_timeout={statement_ms}",
            "read_timeout": float(read_timeout) if read_timeout else None,
            "patient_waiters": max(1, int(os.environ.get("GUNICORN_THREADS", "8")) - 2),
            **config.get("OPTIONS", {}),
        }
    return config


DATABASES = {
    "default": database(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def add_read_replica(databases: dict) -> str | None:
    """A ``replica`` alias from DATABASE_REPLICA_URL, if set: public pages read from it.

    Its connect timeout is short (DATABASE_REPLICA_CONNECT_TIMEOUT seconds, default 2, the
    least libpq honours): a replica that does not answer sends visitors to the primary
    (ministry/routers.py); only the requests that find it gone wait this long, then each
    process leaves it alone for a while.
    """
    url = os.environ.get("DATABASE_REPLICA_URL", "").strip()
    if not url:
        return None
    databases["replica"] = database(url)
    if "connect_timeout" in databases["replica"].get("OPTIONS", {}):
        timeout = int(os.environ.get("DATABASE_REPLICA_CONNECT_TIMEOUT", "2"))
        databases["replica"]["OPTIONS"]["connect_timeout"] = timeout
    databases["replica"]["TEST"] = {"MIRROR": "default"}
    return "replica"


# Reads of anonymous public pages go to PRESS_READ_REPLICA when there is one; the admin,
# editors and every write use "default", the primary (ministry/routers.py).
PRESS_READ_REPLICA = add_read_replica(DATABASES)
DATABASE_ROUTERS = ["ministry.routers.PrimaryReplicaRouter"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------
# Three spellings of one language, kept apart in press/languages.py:
# LANGUAGES code "uz-cyrl" (URL prefix), gettext locale "uz_Cyrl",
# modeltranslation column suffix "_uz_cyrl".
LANGUAGE_CODE = "uz"
LANGUAGES = [
    ("uz", "Oʻzbekcha"),
    ("uz-cyrl", "Ўзбекча"),
    ("ru", "Русский"),
    ("en", "English"),
]
# Django knows no "uz-cyrl"; without this get_language_info() raises KeyError.
django_locale.LANG_INFO["uz-cyrl"] = {
    "bidi": False,
    "code": "uz-cyrl",
    "name": "Uzbek (Cyrillic)",
    "name_local": "Ўзбекча",
}
LOCALE_PATHS = [
    BASE_DIR / "locale",  # our own strings, made by makemessages
    BASE_DIR / "locale" / "django",  # Django's strings it lacks in uz and uz_Cyrl
]
FORMAT_MODULE_PATH = ["ministry.formats"]
TIME_ZONE = "Asia/Tashkent"
USE_I18N = True
USE_TZ = True

# Served from static/, never from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
MODELTRANSLATION_DEFAULT_LANGUAGE = "uz"
MODELTRANSLATION_LANGUAGES = ("uz", "uz-cyrl", "ru", "en")
# Where a name is missing, a Cyrillic page falls back to the same language in Latin
# script; templates mark any fallback text with its own lang attribute (press_tags.tr).
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("uz", "en", "ru", "uz-cyrl"),
    "uz-cyrl": ("uz", "ru", "en"),
}

# --- Static and media ------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# What serves MEDIA_ROOT at MEDIA_URL when media are on the filesystem in production
# ("nginx"): Django does not (ministry/checks.py warns at deploy until it is said).
PRESS_MEDIA_SERVED_BY = os.environ.get("PRESS_MEDIA_SERVED_BY", "").strip()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Product settings ------------------------------------------------------
PRESS_PAGE_SIZE = 20
PRESS_FEED_SIZE = 30  # items in each RSS/Atom feed
# Releases per page of the public API (press/api/), and the most a client may ask for.
PRESS_API_PAGE_SIZE = 20
PRESS_API_MAX_PAGE_SIZE = 100
# An open change form tells the server every this many seconds that its editor is still
# there; an editor whose last beat is older than the window is no longer named as present.
PRESS_PRESENCE_BEAT_SECONDS = 20
PRESS_PRESENCE_WINDOW_SECONDS = 60
# Seconds a CDN or browser may keep a public page (press/site/cache_headers.py), then how
# long past that it may serve its copy while it fetches a new one (one request, in the
# background), and while the origin answers with errors.
PRESS_CACHE_MAX_AGE = 60
PRESS_CACHE_STALE_WHILE_REVALIDATE = 30
PRESS_CACHE_STALE_IF_ERROR = 600
# Seconds the server keeps a public page for anonymous visitors in the cache
# (press/site/page_cache.py); at most 60, so that a scheduled release is listed within a
# minute of its time. 0 turns it off.
PRESS_PAGE_CACHE_SECONDS = int(os.environ.get("PRESS_PAGE_CACHE_SECONDS", "60"))
PRESS_PAGE_CACHE_ALIAS = "default"
PRESS_SITE_NAME = _("Ministry of Foreign Affairs")
# Where e-mails link to (the admin's change form of a release): scheme and host, no path.
PRESS_SITE_URL = os.environ.get("PRESS_SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "press-office@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
# Notifications are sent inside the request that made the change (after its commit): a mail
# server that does not answer must not hold that request for ever.
EMAIL_TIMEOUT = 10
# Readers' e-mail alerts (press/services/alerts.py, docs/alerts.md): digests go out at this
# hour, Asia/Tashkent (TIME_ZONE), daily and on Mondays; signups per address and per client
# address in an hour; an address that takes "unsubscribe" mails, if any (RFC 8058 needs
# only the https link).
PRESS_ALERTS_DIGEST_HOUR = 9
PRESS_ALERTS_SIGNUPS_PER_ADDRESS = 3
PRESS_ALERTS_SIGNUPS_PER_CLIENT = 20
PRESS_ALERTS_SIGNUP_WINDOW = 3600
PRESS_ALERTS_UNSUBSCRIBE_MAILTO = os.environ.get("PRESS_ALERTS_UNSUBSCRIBE_MAILTO", "")
# Uploads (press/files/): caps checked before anything is decoded or stored.
PRESS_PHOTO_MAX_BYTES = 20 * 1024 * 1024
PRESS_PHOTO_MAX_PIXELS = 40_000_000
PRESS_PHOTO_MAX_SIDE = 3000  # the stored image, re-encoded, is at most this long
PRESS_RENDITION_WIDTHS = (480, 960, 1600)
PRESS_CARD_WIDTHS = (480, 960)  # 3:2 crops around the focal point, for release cards
PRESS_ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024
# Office documents are ZIP archives: what they may unpack to, by their declared sizes.
PRESS_OFFICE_MAX_UNPACKED_BYTES = 256 * 1024 * 1024
PRESS_OFFICE_MAX_MEMBERS = 10_000

# Background work (press/tasks.py) is queued in the database and run by
# `manage.py db_worker` processes: the same database as the site, so a task enqueued in a
# transaction that rolls back is never run, and nothing else has to be up.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# A task that fails is tried again (press/tasks.py, `retried`): after 30 s, 2 min, 8 min,
# 32 min, then it stays failed and shows in the admin's list of background tasks.
PRESS_TASK_ATTEMPTS = int(os.environ.get("PRESS_TASK_ATTEMPTS", "5"))
PRESS_TASK_BACKOFF_SECONDS = float(os.environ.get("PRESS_TASK_BACKOFF_SECONDS", "30"))


def telegram_channels(value: str) -> dict[str, str]:
    """``"uz=@mfa_uz, ru=@mfa_ru"`` → ``{"uz": "@mfa_uz", "ru": "@mfa_ru"}``: a channel's
    ``@username`` or numeric id per site language code (``uz_Cyrl`` and ``uz-Cyrl`` are
    ``uz-cyrl``)."""
    channels = {}
    for item in value.split(","):
        code, _sep, channel = item.partition("=")
        code = code.strip().lower().replace("_", "-")
        if code and channel.strip():
            channels[code] = channel.strip()
    return channels


# The ministry's Telegram channels (press/services/telegram.py): without a token nothing
# is offered or posted. TELEGRAM_API_URL is Telegram's; tests point it at a local server.
TELEGRAM_BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
TELEGRAM_CHANNELS = telegram_channels(os.environ.get("TELEGRAM_CHANNELS", ""))
TELEGRAM_API_URL = os.environ.get("TELEGRAM_API_URL", "https://api.telegram.org").rstrip("/")
TELEGRAM_TIMEOUT_SECONDS = float(os.environ.get("TELEGRAM_TIMEOUT_SECONDS", "20"))

LOGIN_URL = "admin:login"

# --- Security ----------------------------------------------------------------
# The admin's address; a deployment may move it away from the well-known /admin/.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/")

# Content-Security-Policy (django-csp): no inline scripts anywhere, the admin included.
# Inline style attributes are allowed: Django's admin widgets write them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY_DENY = [
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
    "payment", "usb", "interest-cohort",
]  # fmt: skip

# Brute force (django-axes): five wrong passwords lock the user and address for an hour.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
# A user name is locked only together with the address the wrong passwords came from, so the
# editor can still sign in from their own address while someone hammers their name. Behind
# a load balancer that address is in X-Forwarded-For: PRESS_TRUSTED_PROXIES says how many
# proxies in front append to it (ministry/client_ip.py); 0 trusts no header at all.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
PRESS_TRUSTED_PROXIES = int(os.environ.get("PRESS_TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "ministry.client_ip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"

# Two factors (django-otp): staff who add a TOTP device must use it; True requires it of all.
PRESS_ADMIN_REQUIRE_OTP = os.environ.get("PRESS_ADMIN_REQUIRE_OTP", "") == "1"
OTP_TOTP_ISSUER = "MFA press office"

# Sessions end after two idle hours: requests move the expiry on, writing the session at
# most once a minute (ministry.middleware.IdleSessionMiddleware, not SAVE_EVERY_REQUEST).
SESSION_COOKIE_AGE = 2 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# One JSON object per line on stderr (ministry/logging.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ministry.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "WARNING"},  # not a line per manage.py command at start-up
    },
}
