"""The site's URLs plus two pages that fail on purpose, to check the 403 and 500 pages."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from ministry.urls import *  # noqa: F403
from ministry.urls import urlpatterns as site_urlpatterns


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a deliberate error, to see the 500 page")


urlpatterns = [
    *site_urlpatterns,
    *i18n_patterns(
        path("test-errors/403/", forbidden),
        path("test-errors/500/", broken),
    ),
]
