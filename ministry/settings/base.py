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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "press",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Product settings ------------------------------------------------------
PRESS_PAGE_SIZE = 20
PRESS_SITE_NAME = _("Ministry of Foreign Affairs")
# Uploads (press/images.py): caps checked before anything is decoded or stored.
PRESS_PHOTO_MAX_BYTES = 20 * 1024 * 1024
PRESS_PHOTO_MAX_PIXELS = 40_000_000
PRESS_PHOTO_MAX_SIDE = 3000  # the stored image, re-encoded, is at most this long
PRESS_RENDITION_WIDTHS = (480, 960, 1600)
PRESS_CARD_WIDTHS = (480, 960)  # 3:2 crops around the focal point, for release cards
PRESS_ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024

LOGIN_URL = "admin:login"
