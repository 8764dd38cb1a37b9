"""Local development: DEBUG on, media served by runserver."""

from .base import *  # noqa: F403

DEBUG = True
# Demo content and generators (devdata/), never in base or prod. A new list, not append():
# base's list is the one prod imports.
INSTALLED_APPS = [*INSTALLED_APPS, "devdata"]  # noqa: F405
# Templates change under a developer's hands: pages are rendered afresh every time.
PRESS_PAGE_CACHE_SECONDS = 0
# E-mails (notifications to editors) are printed by runserver, not sent: nothing to set up.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
