"""Fast drafting in the admin: "Duplicate as new draft", from the list and from the form."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from press import services
from press.models import Release

MAX_DUPLICATES = 10  # at once, from the list


class DuplicateAdminMixin:
    """In front of ReleaseAdmin: a list action and a button on the change form."""

    @admin.action(description=gettext_lazy("Duplicate as new draft"))
    def duplicate_as_draft(self, request, queryset):
        releases = list(queryset[: MAX_DUPLICATES + 1])
        if len(releases) > MAX_DUPLICATES:
            self.message_user(
                request,
                _("Choose at most %(count)s releases to duplicate at once.")
                % {"count": MAX_DUPLICATES},
                messages.ERROR,
            )
            return None
        copies = [services.release_duplicate(release=r, user=request.user) for r in releases]
        self.message_user(
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
            return HttpResponseRedirect(self._change_url(copies[0]))
        return None

    def get_actions(self, request):
        actions = super().get_actions(request)
        if request.user.has_perm("press.add_release"):
            actions["duplicate_as_draft"] = self.get_action("duplicate_as_draft")
        return actions

    def _change_url(self, release):
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[release.pk])

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<int:pk>/duplicate/",
                self.admin_site.admin_view(self.duplicate_view),
                name=f"{opts.app_label}_{opts.model_name}_duplicate",
            ),
            *super().get_urls(),
        ]

    def duplicate_view(self, request, pk):
        """GET: what the new draft will carry, and a button; POST: make it."""
        release = get_object_or_404(Release, pk=pk)
        if not self.has_view_permission(request, release) or not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            copy = services.release_duplicate(release=release, user=request.user)
            self.message_user(
                request,
                _(
                    "A new draft was made from “%(release)s”; its event date is today. "
                    "Write its text, check the date and the participants."
                )
                % {"release": release},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self._change_url(copy))
        context = self._context(request, release, _("Duplicate as new draft"))
        return TemplateResponse(request, "admin/press/release/duplicate.html", context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        extra_context["can_duplicate"] = self.has_add_permission(request)
        return super().changeform_view(request, object_id, form_url, extra_context)
