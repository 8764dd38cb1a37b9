"""Local development: DEBUG on, media served by runserver."""

from .base import *  # noqa: F403

DEBUG = True
