"""The workflow buttons of a release: submit, return, publish or schedule, withdraw…

Every button leads to a small form carrying the release ``version`` the editor saw and
POSTs to a service in press/services/, which checks the permission itself: hiding a
button is never the check. ``workflow_view`` is wired by ReleaseAdmin.get_urls with the
ModelAdmin as ``model_admin``; ``change_form_context`` puts the buttons on the change form.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from press import languages, services
from press.admin.display import TASHKENT, local_time, state_column
from press.admin.inlines import missing_alt_html
from press.admin.pages import change_url, get_release, page_context
from press.models import Release
from press.transliteration import latin_to_cyrillic

# --- Small forms for the buttons ----------------------------------------------------------


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, release: Release | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.release = release


class NoteForm(VersionForm):
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea)


class ReturnForm(VersionForm):
    note = forms.CharField(
        label=gettext_lazy("Comment for the author"),
        required=False,
        widget=forms.Textarea,
        help_text=gettext_lazy(
            "Sent to the author with the notification and kept with the release; never public."
        ),
    )


class PublishForm(VersionForm):
    when = forms.ChoiceField(
        label=gettext_lazy("When"),
        choices=[("now", gettext_lazy("Now")), ("at", gettext_lazy("At a time"))],
        widget=forms.RadioSelect,
        initial="now",
    )
    at = forms.SplitDateTimeField(
        label=gettext_lazy("Publication time"),
        required=False,
        widget=admin.widgets.AdminSplitDateTime,
        help_text=gettext_lazy(
            "Tashkent time. The release appears by itself at that moment: nothing needs to run."
        ),
    )
    force_reason = forms.CharField(
        label=gettext_lazy("Reason to publish without review"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "Only when nobody else can review it: the reason stays flagged in the history."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("when") == "at" and not cleaned.get("at"):
            self.add_error("at", _("Give the publication time."))
        return cleaned


class ReasonsForm(VersionForm):
    """A reason in each language the release is written in: the service asks for each, and
    a page never shows a reason in another language. Latin Uzbek can fill the Cyrillic."""

    reason_label = gettext_lazy("Reason")
    FILL = "_fill_cyrillic"  # the name of the button that fills the Cyrillic from the Latin

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = self.release.languages_filled() if self.release else []
        for code in codes or languages.codes():
            self.fields[self.reason_field(code)] = forms.CharField(
                label=format_lazy("{} ({})", self.reason_label, languages.name(code)),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "lang": languages.bcp47(code)}),
            )

    @staticmethod
    def reason_field(code: str) -> str:
        return f"reason_{languages.suffix(code)}"

    def can_fill_cyrillic(self) -> bool:
        return {self.reason_field("uz"), self.reason_field("uz-cyrl")} <= self.fields.keys()

    def fill_cyrillic(self) -> None:
        """Write the Latin reason in Cyrillic into an empty Cyrillic field; a Cyrillic
        reason already typed is kept."""
        latin, cyrillic = self.reason_field("uz"), self.reason_field("uz-cyrl")
        data = self.data.copy()
        if (data.get(latin) or "").strip() and not (data.get(cyrillic) or "").strip():
            data[cyrillic] = latin_to_cyrillic(data[latin])
        self.data = data

    def reasons(self) -> dict[str, str]:
        return {
            code: self.cleaned_data.get(self.reason_field(code)) or ""
            for code in languages.codes()
            if self.reason_field(code) in self.fields
        }


class WithdrawForm(ReasonsForm):
    reason_label = gettext_lazy("Reason for withdrawal")


class UnpublishForm(ReasonsForm):
    reason_label = gettext_lazy("Reason for unpublishing")

    replacement = forms.CharField(
        label=gettext_lazy("Replaced by (address of a published release)"),
        required=False,
        help_text=gettext_lazy(
            "The slug, as in /press/<slug>/. Readers are sent there; without it the address "
            "answers “gone”."
        ),
    )

    def clean_replacement(self):
        slug = (self.cleaned_data.get("replacement") or "").strip().strip("/").split("/")[-1]
        if not slug:
            return None
        found = Release.objects.filter(slug=slug).first()
        if found is None:
            raise forms.ValidationError(_("No release has this address."))
        return found


ACTION_FORMS = {
    "submit": (NoteForm, gettext_lazy("Submit for review")),
    "return": (ReturnForm, gettext_lazy("Return to draft")),
    "publish": (PublishForm, gettext_lazy("Publish or schedule")),
    "unschedule": (VersionForm, gettext_lazy("Unschedule")),
    "withdraw": (WithdrawForm, gettext_lazy("Withdraw")),
    "unpublish": (UnpublishForm, gettext_lazy("Unpublish")),
    "redraft": (VersionForm, gettext_lazy("Return to draft")),
}


def run_action(action: str, release: Release, user, form) -> Release:
    data = form.cleaned_data
    version = data["version"]
    if action == "submit":
        return services.release_submit(
            release=release, user=user, version=version, note=data["note"]
        )
    if action == "return":
        return services.release_return(
            release=release, user=user, version=version, reason=data["note"]
        )
    if action == "publish":
        at = data.get("at") if data["when"] == "at" else None
        if at is not None and timezone.is_naive(at):
            at = timezone.make_aware(at)
        return services.release_publish(
            release=release, user=user, version=version, at=at, force_reason=data["force_reason"]
        )
    if action == "unschedule":
        return services.release_unschedule(release=release, user=user, version=version)
    if action == "withdraw":
        return services.release_withdraw(
            release=release, user=user, version=version, reason=form.reasons()
        )
    if action == "unpublish":
        return services.release_unpublish(
            release=release,
            user=user,
            version=version,
            replacement=data.get("replacement"),
            reason=form.reasons(),
        )
    if action == "redraft":
        return services.release_redraft(release=release, user=user, version=version)
    raise Http404


def workflow_view(request, pk, action, *, model_admin):
    """GET: the action's small form; POST: run it, or show the form again with the refusal."""
    if action not in ACTION_FORMS:
        raise Http404
    release = get_release(model_admin, request, pk)
    form_class, title = ACTION_FORMS[action]
    conflict = None
    if request.method == "POST" and ReasonsForm.FILL in request.POST:
        # Only fills a field and shows the form again: nothing is run, nothing typed is lost.
        form = form_class(request.POST, release=release)
        if isinstance(form, ReasonsForm):
            form.fill_cyrillic()
    elif request.method == "POST":
        form = form_class(request.POST, release=release)
        if form.is_valid():
            try:
                with transaction.atomic():
                    release = run_action(action, release, request.user, form)
            except services.ConflictError as error:
                conflict = error.saved
                form.add_error(None, error.message)
            except services.WorkflowError as error:
                # Next to its field (the reason in the language it lacks) when it names one.
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                model_admin.message_user(
                    request,
                    _("%(action)s: %(release)s") % {"action": title, "release": release},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(change_url(release))
    else:
        if action not in services.allowed_actions(release, request.user):
            raise PermissionDenied
        initial = {"version": request.GET.get("version", release.version)}
        form = form_class(initial=initial, release=release)
    context = page_context(
        model_admin,
        request,
        release,
        title,
        form=form,
        action=action,
        conflict=conflict,
        state=state_column(release),
        media=model_admin.media + form.media,
        tashkent=TASHKENT,
        warnings=workflow_warnings(release, action),
        missing_alt=[
            missing_alt_html(item, change_url(release))
            for item in (services.photos_missing_alt(release) if action == "publish" else ())
        ],
    )
    return TemplateResponse(request, "admin/press/release/workflow_action.html", context)


def workflow_warnings(release: Release, action: str) -> list[str]:
    """Return what the person sending a release on should know but may go past: a release
    that names no country and no topic is in no list of the site's countries and topics."""
    if action not in ("submit", "publish"):
        return []
    if release.countries.exists() or release.topics.exists():
        return []
    return [
        _(
            "This release names no country and no topic: readers will not find it on any "
            "country's or topic's page. Add them on the release's form, or go on without."
        )
    ]


def change_form_context(request, release: Release) -> dict:
    """What the change form shows about the workflow: the buttons this user may press."""
    actions = [
        (
            action,
            ACTION_FORMS[action][1],
            reverse("admin:press_release_workflow", args=[release.pk, action])
            + f"?version={release.version}",
        )
        for action in services.allowed_actions(release, request.user)
    ]
    return {
        "release": release,
        "workflow_actions": actions,
        "scheduled_for": local_time(release.published_at) if release.is_scheduled() else "",
        "preview_languages": [(code, languages.native_name(code)) for code in languages.codes()],
    }
