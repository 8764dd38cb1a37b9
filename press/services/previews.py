"""Preview links: an address that shows a release as it now is, draft or not, to anyone who
has it, until it expires or is revoked; the page itself is the site's ``preview_link_view``.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from press.models import PreviewLink, Release, Status
from press.services.base import audit
from press.services.errors import WorkflowError
from press.services.permissions import can_share_previews

# A release taken down is not shown through a link, nor given a new one (press/site/preview.py).
TAKEN_DOWN = (Status.WITHDRAWN, Status.UNPUBLISHED)


def preview_link_create(*, release: Release, user, days: int | None = None) -> PreviewLink:
    """Make a preview link of ``release``, valid for ``days`` (by default the setting's)."""
    if not can_share_previews(user):
        raise PermissionDenied(_("Only editors make preview links."))
    if release.status in TAKEN_DOWN:
        raise WorkflowError(_("This release was taken down: it has no preview links."))
    days = days or getattr(settings, "PRESS_PREVIEW_LINK_DAYS", 7)
    link = PreviewLink.objects.create(
        release=release,
        created_by=user,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    audit(user, release, "preview-link", time=link.expires_at)
    return link


def preview_link_revoke(*, link: PreviewLink, user) -> PreviewLink:
    """Revoke ``link`` from now on (once: a second call changes nothing) and return it."""
    if not user.has_perm("press.change_release") and not user.has_perm("press.translate_release"):
        raise PermissionDenied(_("You are not allowed to do this."))
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        audit(user, link.release, "preview-link-revoked")
    return link
