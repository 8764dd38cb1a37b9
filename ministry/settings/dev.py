"""Local development: DEBUG on, media served by runserver."""

from .base import *  # noqa: F403

DEBUG = True
# Templates change under a developer's hands: pages are rendered afresh every time.
PRESS_PAGE_CACHE_SECONDS = 0
