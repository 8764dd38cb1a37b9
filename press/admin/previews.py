"""Previews from the admin: the public page with the change form's unsaved text, and the
shareable preview links of a release (press/site/preview.py answers the links themselves).

Plain views, wired by ReleaseAdmin.get_urls with the ModelAdmin as ``model_admin``.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from press import languages, services
from press.admin.display import local_time
from press.admin.pages import get_release, page_context
from press.site.preview import render_preview


def preview_view(request, pk, *, model_admin):
    """The public template with the saved release, or with the change form's unsaved data."""
    release = get_release(model_admin, request, pk)
    if request.method == "POST":
        if not model_admin.has_change_permission(request, release):
            raise PermissionDenied
        form_class = model_admin.get_form(request, release, change=True)
        form = form_class(request.POST, request.FILES, instance=release)
        form.is_valid()  # fills the instance with every field that is valid
        release = form.instance
    return render_preview(request, release)


def preview_links_view(request, pk, *, model_admin):
    """The release's valid preview links; POST makes a new one or revokes one."""
    release = get_release(model_admin, request, pk)
    if request.method == "POST":
        if "revoke" in request.POST:
            # The button's value is the id of one of this release's links; the form field
            # refuses anything else ("abc" would make the database query itself fail).
            field = forms.ModelChoiceField(queryset=release.preview_links.all())
            try:
                link = field.clean(request.POST["revoke"])
            except ValidationError:
                raise Http404("No such preview link of this release.") from None
            services.preview_link_revoke(link=link, user=request.user)
            model_admin.message_user(request, _("The preview link was revoked."), messages.SUCCESS)
        else:
            # Nothing typed to keep: the refusal is a message on the same page.
            try:
                services.preview_link_create(release=release, user=request.user)
            except (PermissionDenied, services.WorkflowError) as refusal:
                model_admin.message_user(request, str(refusal), messages.ERROR)
            else:
                model_admin.message_user(request, _("A preview link was made."), messages.SUCCESS)
        return HttpResponseRedirect(request.path)
    links = [
        (
            link,
            [
                (code, request.build_absolute_uri(link.get_absolute_url(code)))
                for code in languages.codes()
            ],
            local_time(link.expires_at),
        )
        for link in release.preview_links.valid()
    ]
    context = page_context(
        model_admin,
        request,
        release,
        _("Preview links"),
        links=links,
        can_make_links=services.can_share_previews(request.user)
        and release.status not in services.TAKEN_DOWN,
    )
    return TemplateResponse(request, "admin/press/release/preview_links.html", context)
