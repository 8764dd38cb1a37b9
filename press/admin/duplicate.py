"""Fast drafting in the admin: "Duplicate as new draft", from the list and from the form.

``duplicate_as_draft`` is a list action that ReleaseAdmin.get_actions offers to whoever may
add releases; ``duplicate_view`` is wired by ReleaseAdmin.get_urls with the ModelAdmin as
``model_admin``.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from press import services
from press.admin.pages import change_url, page_context
from press.models import Release

MAX_DUPLICATES = 10  # at once, from the list


@admin.action(description=gettext_lazy("Duplicate as new draft"))
def duplicate_as_draft(model_admin, request, queryset):
    """A new draft from each chosen release; opens the copy when there is one."""
    releases = list(queryset[: MAX_DUPLICATES + 1])
    if len(releases) > MAX_DUPLICATES:
        model_admin.message_user(
            request,
            _("Choose at most %(count)s releases to duplicate at once.")
            % {"count": MAX_DUPLICATES},
            messages.ERROR,
        )
        return None
    copies = [services.release_duplicate(release=r, user=request.user) for r in releases]
    model_admin.message_user(
        request,
        ngettext(
            "%(count)d new draft made; its event date is today.",
            "%(count)d new drafts made; their event date is today.",
            len(copies),
        )
        % {"count": len(copies)},
        messages.SUCCESS,
    )
    if len(copies) == 1:
        return HttpResponseRedirect(change_url(copies[0]))
    return None


def duplicate_view(request, pk, *, model_admin):
    """GET: what the new draft will carry, and a button; POST: make it."""
    release = get_object_or_404(Release, pk=pk)
    if not model_admin.has_view_permission(request, release) or not model_admin.has_add_permission(
        request
    ):
        raise PermissionDenied
    if request.method == "POST":
        copy = services.release_duplicate(release=release, user=request.user)
        model_admin.message_user(
            request,
            _(
                "A new draft was made from “%(release)s”; its event date is today. "
                "Write its text, check the date and the participants."
            )
            % {"release": release},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(change_url(copy))
    context = page_context(model_admin, request, release, _("Duplicate as new draft"))
    return TemplateResponse(request, "admin/press/release/duplicate.html", context)
