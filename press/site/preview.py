"""Previews: a release (or an unsaved correction) on the public template, never cached.

- editors: ``/<lang>/admin/press/release/<pk>/preview/`` (press/admin/previews.py), with the
  saved release, or with the change form's unsaved data when the form POSTs to it;
- anyone with a shareable link: ``/<lang>/preview/<token>/``. The token is a
  ``TimestampSigner`` signature of a ``PreviewLink`` id, so a link can be revoked or left
  to expire (7 days by default) and a changed token is refused.

Every answer carries ``Cache-Control: private, no-store``, ``X-Robots-Tag: noindex`` and
``<meta name="robots" content="noindex">``.
"""

from django.core import signing
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from press.models import PreviewLink, Status


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def render_preview(request, release, *, status=200):
    context = {
        "release": release,
        "preview": True,
        "available_languages": release.languages_filled(),
        "related": [],
        "share": None,
        "json_ld": None,
    }
    return _private(render(request, "press/release_detail.html", context, status=status))


def preview_link_view(request, token):
    """The release behind a valid shareable link; 404 for a tampered, expired or revoked one."""
    try:
        pk = signing.TimestampSigner(salt=PreviewLink.SALT).unsign(token)
    except signing.BadSignature:
        return _gone(request, _("This preview link is not valid."))
    link = PreviewLink.objects.select_related("release").filter(pk=pk).first()
    if link is not None and link.release.status in (Status.WITHDRAWN, Status.UNPUBLISHED):
        # Taken down (its links were revoked then too): say so, and show nothing of it.
        return _gone(request, _("This release was taken down."), status=410)
    if link is None or link.revoked_at is not None:
        return _gone(request, _("This preview link has been revoked."))
    if not link.is_valid():
        return _gone(request, _("This preview link has expired."))
    return render_preview(request, link.release)


def _gone(request, message, status=404):
    return _private(render(request, "404.html", {"message": message}, status=status))
