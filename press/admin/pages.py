"""What every custom page of a release in the admin starts from: the release and the context."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse

from press.models import Release


def change_url(release: Release) -> str:
    """The address of the release's change form."""
    return reverse("admin:press_release_change", args=[release.pk])


def get_release(model_admin, request, pk, *, change: bool = False) -> Release:
    """The release ``pk`` if the user may view it (and change it, with ``change``).

    Raises Http404 for an unknown release and PermissionDenied for one the user may not see.
    """
    release = get_object_or_404(Release, pk=pk)
    if not model_admin.has_view_permission(request, release):
        raise PermissionDenied
    if change and not model_admin.has_change_permission(request, release):
        raise PermissionDenied
    return release


def page_context(model_admin, request, release: Release, title, **extra) -> dict:
    """The admin's own context for a page about ``release``, with its title and ``extra``."""
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": release,
        "release": release,
        "title": title,
        "subtitle": str(release),
        "change_url": change_url(release),
        **extra,
    }
