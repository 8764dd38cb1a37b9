"""The editorial workflow in the admin: buttons, revisions, conflicts, presence, preview.

``ReleaseWorkflowMixin`` goes in front of ``ReleaseAdmin``. Every button leads to a small
form carrying the release ``version`` the editor saw and POSTs to a service in
press/services.py, which checks the permission itself: hiding a button is never the check.
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from press import languages, services
from press.models import PreviewLink, Release, Revision, Status, TranslationState

TASHKENT = gettext_lazy("(Tashkent time)")

STATE_SIGNS = {
    TranslationState.UP_TO_DATE: "✓",
    TranslationState.OUTDATED: "⚠",
    TranslationState.MACHINE: "⚙",
    TranslationState.MISSING: "—",
}


def local_time(moment: datetime.datetime | None) -> str:
    if moment is None:
        return ""
    return f"{formats.date_format(timezone.localtime(moment), 'DATETIME_FORMAT')} {TASHKENT}"


def text_fields() -> list[str]:
    return [languages.field(n, c) for n in services.TEXT_FIELDS for c in languages.codes()]


# --- The change form's extra fields -----------------------------------------------------


class WorkflowFormMixin(forms.ModelForm):
    """Optimistic locking, the correction's kind, and "needs no re-translation"."""

    edit_version = forms.IntegerField(
        label=gettext_lazy("version"), widget=forms.HiddenInput, required=False
    )
    no_retranslation = forms.BooleanField(
        label=gettext_lazy("Minor edit: does not need re-translation"),
        required=False,
        help_text=gettext_lazy("Tick for a typo or a number: the other languages stay up to date."),
    )
    major_change = forms.BooleanField(
        label=gettext_lazy("Major correction: show the change note on the page"),
        required=False,
        help_text=gettext_lazy(
            "Readers see “Updated …” with the note. Leave unticked for a minor correction "
            "(a typo), which leaves no public note."
        ),
    )

    conflict = None  # the stored release, when the form was overtaken

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["edit_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            stored = Release.objects.select_for_update().get(pk=self.instance.pk)
            seen = cleaned.get("edit_version")
            if seen is not None and seen != stored.version:
                self.conflict = stored
                # The next save of this form is made knowing the saved version.
                data = self.data.copy()
                data[self.add_prefix("edit_version")] = stored.version
                self.data = data
                raise forms.ValidationError(
                    _(
                        "Someone else saved this release after you opened it. Nothing was "
                        "saved: your version and the saved one are side by side below. "
                        "Copy what you need, then save again."
                    ),
                    code="conflict",
                )
            if stored.is_public() and cleaned.get("major_change"):
                notes = [cleaned.get(languages.field("change_note", c)) for c in languages.codes()]
                if not any(notes):
                    self.add_error(
                        None,
                        _("A major correction needs a change note: say what was corrected."),
                    )
        return cleaned

    def conflict_rows(self):
        """(label, yours, saved) for each field where the two versions differ."""
        if self.conflict is None:
            return []
        rows = []
        for name, field in self.fields.items():
            if name in ("edit_version", "no_retranslation", "major_change", "new_photos"):
                continue
            try:
                model_field = Release._meta.get_field(name)
            except Exception:
                continue
            yours = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            saved = model_field.value_from_object(self.conflict)
            if model_field.many_to_many:
                saved_ids = sorted(str(o.pk) for o in saved)
                your_ids = sorted(str(v) for v in (yours or []))
                if saved_ids != your_ids:
                    model = model_field.related_model
                    rows.append(
                        (
                            field.label,
                            ", ".join(str(o) for o in model.objects.filter(pk__in=your_ids)),
                            ", ".join(str(o) for o in saved),
                        )
                    )
                continue
            saved_text = "" if saved is None else str(saved)
            your_text = "" if yours is None else str(yours)
            if saved_text.strip() != your_text.strip():
                rows.append((field.label, your_text, saved_text))
        return rows


# --- Small forms for the buttons ----------------------------------------------------------


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class NoteForm(VersionForm):
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea)


class ReasonForm(VersionForm):
    note = forms.CharField(label=gettext_lazy("Reason"), required=False, widget=forms.Textarea)


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


class WithdrawForm(VersionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in languages.codes():
            self.fields[f"reason_{languages.suffix(code)}"] = forms.CharField(
                label=f"{_('Reason for withdrawal')} ({languages.name(code)})",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def reasons(self) -> dict[str, str]:
        return {
            code: self.cleaned_data.get(f"reason_{languages.suffix(code)}") or ""
            for code in languages.codes()
        }


class UnpublishForm(VersionForm):
    replacement = forms.CharField(
        label=gettext_lazy("Replaced by (address of a published release)"),
        required=False,
        help_text=gettext_lazy(
            "The slug, as in /press/<slug>/. Readers are sent there; without it the address "
            "answers “gone”."
        ),
    )
    note = forms.CharField(label=gettext_lazy("Reason"), required=False, widget=forms.Textarea)

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
    "return": (ReasonForm, gettext_lazy("Return to draft")),
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
            reason=data["note"],
        )
    if action == "redraft":
        return services.release_redraft(release=release, user=user, version=version)
    raise Http404


# --- List: state, translation status and the "needs translation into" filter -------------


class NeedsTranslationFilter(admin.SimpleListFilter):
    title = gettext_lazy("needs translation into")
    parameter_name = "needs_translation"

    def lookups(self, request, model_admin):
        return [(code, languages.name(code)) for code in languages.codes()]

    def queryset(self, request, queryset):
        if self.value() in languages.codes():
            return queryset.needing_translation(self.value())
        return queryset


class StateFilter(admin.SimpleListFilter):
    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, _("Draft")),
            (Status.SUBMITTED, _("Submitted for review")),
            ("scheduled", _("Scheduled")),
            ("live", _("Published")),
            (Status.WITHDRAWN, _("Withdrawn")),
            (Status.UNPUBLISHED, _("Unpublished")),
        ]

    def queryset(self, request, queryset):
        value, now = self.value(), timezone.now()
        if value == "scheduled":
            return queryset.filter(status=Status.PUBLISHED, published_at__gt=now)
        if value == "live":
            return queryset.filter(status=Status.PUBLISHED, published_at__lte=now)
        if value:
            return queryset.filter(status=value)
        return queryset


# --- The mixin ----------------------------------------------------------------------------


class ReleaseWorkflowMixin:
    """In front of ReleaseAdmin: what the workflow adds to the list, the form and the URLs."""

    WORKFLOW_READONLY = ("workflow_state", "published_at_local")
    STRUCTURE = ("kind", "event_date", "participants", "countries", "topics", "slug")

    # --- List ---------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("state"), ordering="status")
    def state_column(self, release):
        if release.is_scheduled():
            return format_html(
                "<strong>{}</strong><br><small>{}</small>",
                _("Scheduled"),
                local_time(release.published_at),
            )
        label = release.get_status_display()
        if release.force_published and release.status == Status.PUBLISHED:
            return format_html("{} <small>({})</small>", label, _("without review"))
        return label

    @admin.display(description=gettext_lazy("translations"))
    def translation_column(self, release):
        states = release.translation_states()
        return format_html_join(
            " · ",
            '<span title="{}">{} {}</span>',
            (
                (f"{languages.name(c)}: {TranslationState(s).label}", c, STATE_SIGNS[s])
                for c, s in states.items()
            ),
        )

    # --- Form ---------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("state"))
    def workflow_state(self, release):
        if release is None or release.pk is None:
            return _("Draft")
        return self.state_column(release)

    @admin.display(description=gettext_lazy("publication time"))
    def published_at_local(self, release):
        return local_time(release.published_at) if release and release.published_at else "—"

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), *self.WORKFLOW_READONLY]
        if not services.edits_structure(request.user):
            fields += [f for f in self.STRUCTURE if f not in fields]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            names = [
                f
                for f in options["fields"]
                if f not in ("status", "published_at")
                and not (f == "new_photos" and not services.edits_structure(request.user))
            ]
            if name == _("Publication") or "slug" in names:
                names = ["workflow_state", "published_at_local", *names]
            if names:
                fieldsets.append((name, {**options, "fields": names}))
        extra = ["no_retranslation", "edit_version"]
        if obj is not None and obj.is_public():
            fields = ["major_change", *self.replace_orig_field(["change_note"])]
            fieldsets.append((_("Correction"), {"fields": fields}))
        fieldsets.append((_("Translation"), {"fields": extra}))
        return fieldsets

    def has_change_permission(self, request, obj=None):
        user = request.user
        if obj is None:
            return user.has_perm("press.change_release") or user.has_perm("press.translate_release")
        return services.can_edit(user, obj)

    def save_model(self, request, obj, form, change):
        # Saved through the service (lock, permissions, correction); recorded once the
        # inlines are saved too, in log_addition/log_change below.
        data = form.cleaned_data
        services.release_save(
            release=obj,
            user=request.user,
            version=data.get("edit_version") if change else None,
            major=bool(data.get("major_change")),
            change_note={
                c: data.get(languages.field("change_note", c)) or "" for c in languages.codes()
            },
            record=False,
        )
        self._no_retranslation = bool(data.get("no_retranslation"))

    def _record(self, request, obj):
        services.release_record(
            release=obj,
            user=request.user,
            no_retranslation=getattr(self, "_no_retranslation", False),
        )

    def log_addition(self, request, obj, message):
        self._record(request, obj)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        if isinstance(obj, Release):
            self._record(request, obj)
        return super().log_change(request, obj, message)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Here, with the release Django's view fetched, rather than fetching it a second time.
        # What this reads (status, publication time, version) is not in the form: a form sent
        # back with errors shows the same buttons as the stored release.
        if obj is not None and obj.pk is not None:
            if request.method == "GET" and self.has_change_permission(request, obj):
                context["others_editing"] = [
                    (s.user.get_full_name() or s.user.get_username(), local_time(s.opened_at))
                    for s in services.editing_session_open(release=obj, user=request.user)
                ]
            context.update(self.workflow_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_context(self, request, release):
        opts = self.model._meta
        actions = [
            (
                action,
                ACTION_FORMS[action][1],
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_workflow",
                    args=[release.pk, action],
                )
                + f"?version={release.version}",
            )
            for action in services.allowed_actions(release, request.user)
        ]
        return {
            "release": release,
            "workflow_actions": actions,
            "scheduled_for": local_time(release.published_at) if release.is_scheduled() else "",
            "preview_languages": [
                (code, languages.native_name(code)) for code in languages.codes()
            ],
        }

    # --- URLs ---------------------------------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/workflow/<str:action>/", wrap(self.workflow_view), name=f"{name}_workflow"
            ),
            path("<int:pk>/revisions/", wrap(self.revisions_view), name=f"{name}_revisions"),
            path("<int:pk>/revisions/compare/", wrap(self.compare_view), name=f"{name}_compare"),
            path(
                "<int:pk>/revisions/<int:number>/revert/",
                wrap(self.revert_view),
                name=f"{name}_revert",
            ),
            path("<int:pk>/preview/", wrap(self.preview_view), name=f"{name}_preview"),
            path("<int:pk>/preview-links/", wrap(self.preview_links_view), name=f"{name}_links"),
            *super().get_urls(),
        ]

    def _release(self, request, pk, *, change=False):
        release = get_object_or_404(Release, pk=pk)
        if not self.has_view_permission(request, release):
            raise PermissionDenied
        if change and not self.has_change_permission(request, release):
            raise PermissionDenied
        return release

    def _context(self, request, release, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": release,
            "release": release,
            "title": title,
            "subtitle": str(release),
            "change_url": reverse(
                f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_change",
                args=[release.pk],
            ),
            **extra,
        }

    def workflow_view(self, request, pk, action):
        if action not in ACTION_FORMS:
            raise Http404
        release = self._release(request, pk)
        form_class, title = ACTION_FORMS[action]
        conflict = None
        if request.method == "POST":
            form = form_class(request.POST)
            if form.is_valid():
                try:
                    with transaction.atomic():
                        release = run_action(action, release, request.user, form)
                except services.ConflictError as error:
                    conflict = error.saved
                    form.add_error(None, error.message)
                except services.WorkflowError as error:
                    form.add_error(None, error.message)
                else:
                    self.message_user(
                        request,
                        _("%(action)s: %(release)s") % {"action": title, "release": release},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(
                        self._context(request, release, title)["change_url"]
                    )
        else:
            if action not in services.allowed_actions(release, request.user):
                raise PermissionDenied
            form = form_class(initial={"version": request.GET.get("version", release.version)})
        context = self._context(
            request,
            release,
            title,
            form=form,
            action=action,
            conflict=conflict,
            state=self.state_column(release),
            media=self.media + form.media,
            tashkent=TASHKENT,
        )
        return TemplateResponse(request, "admin/press/release/workflow_action.html", context)

    def revisions_view(self, request, pk):
        release = self._release(request, pk)
        revisions = Revision.objects.for_release(release)
        context = self._context(
            request,
            release,
            _("Revisions"),
            revisions=[
                (r, services.ACTION_LABELS.get(r.action, r.action), local_time(r.created_at))
                for r in revisions
            ],
            can_revert=self.has_change_permission(request, release)
            and services.edits_structure(request.user),
        )
        return TemplateResponse(request, "admin/press/release/revisions.html", context)

    def compare_view(self, request, pk):
        release = self._release(request, pk)
        numbers = []
        for key in ("a", "b"):
            try:
                numbers.append(int(request.GET.get(key, "")))
            except ValueError:
                numbers.append(None)
        if None in numbers:
            latest = list(Revision.objects.for_release(release)[:2])
            numbers = [r.number for r in reversed(latest)] if len(latest) == 2 else []
        if len(numbers) != 2:
            raise Http404
        a, b = sorted(numbers)
        first = get_object_or_404(Revision, release=release, number=a)
        second = get_object_or_404(Revision, release=release, number=b)
        context = self._context(
            request,
            release,
            _("Differences between revisions %(a)s and %(b)s") % {"a": a, "b": b},
            first=first,
            second=second,
            rows=revision_diff(first.data, second.data),
        )
        return TemplateResponse(request, "admin/press/release/compare.html", context)

    def revert_view(self, request, pk, number):
        release = self._release(request, pk, change=True)
        if not services.edits_structure(request.user):
            raise PermissionDenied  # a revert restores dates and relations too
        revision = get_object_or_404(Revision, release=release, number=number)
        if request.method == "POST":
            form = VersionForm(request.POST)
            if form.is_valid():
                try:
                    target = services.release_revert(
                        release=release,
                        user=request.user,
                        revision=revision,
                        version=form.cleaned_data["version"],
                    )
                except services.WorkflowError as error:
                    self.message_user(request, error.message, messages.ERROR)
                else:
                    if target.pk != release.pk:
                        self.message_user(
                            request,
                            _(
                                "A new draft was made from revision %(number)s; the published "
                                "release is unchanged."
                            )
                            % {"number": number},
                            messages.SUCCESS,
                        )
                    else:
                        self.message_user(
                            request,
                            _("Reverted to revision %(number)s.") % {"number": number},
                            messages.SUCCESS,
                        )
                    return HttpResponseRedirect(self._context(request, target, "")["change_url"])
        context = self._context(
            request,
            release,
            _("Revert to revision %(number)s") % {"number": number},
            revision=revision,
            form=VersionForm(initial={"version": release.version}),
            makes_copy=release.status not in (Status.DRAFT, Status.SUBMITTED),
        )
        return TemplateResponse(request, "admin/press/release/revert.html", context)

    def preview_view(self, request, pk):
        """The public template with the saved release, or with the change form's unsaved data."""
        from press.preview import render_preview

        release = self._release(request, pk)
        if request.method == "POST":
            if not self.has_change_permission(request, release):
                raise PermissionDenied
            form_class = self.get_form(request, release, change=True)
            form = form_class(request.POST, request.FILES, instance=release)
            form.is_valid()  # fills the instance with every field that is valid
            release = form.instance
        return render_preview(request, release)

    def preview_links_view(self, request, pk):
        release = self._release(request, pk)
        if request.method == "POST":
            if "revoke" in request.POST:
                link = get_object_or_404(PreviewLink, release=release, pk=request.POST["revoke"])
                services.preview_link_revoke(link=link, user=request.user)
                self.message_user(request, _("The preview link was revoked."), messages.SUCCESS)
            else:
                services.preview_link_create(release=release, user=request.user)
                self.message_user(request, _("A preview link was made."), messages.SUCCESS)
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
        context = self._context(request, release, _("Preview links"), links=links)
        return TemplateResponse(request, "admin/press/release/preview_links.html", context)


# --- Differences between two revisions -----------------------------------------------------


def _label(name: str) -> str:
    for base in (*services.TEXT_FIELDS, "change_note", "withdrawal_reason"):
        for code in languages.codes():
            if name == languages.field(base, code):
                label = Release._meta.get_field(base).verbose_name
                return f"{label} ({languages.name(code)})"
    try:
        return str(Release._meta.get_field(name.removesuffix("_id")).verbose_name)
    except Exception:
        return name


def revision_diff(old: dict, new: dict) -> list[tuple[str, str, str]]:
    """(what, before, after) for every field, relation, photo and document that differs."""
    rows = []
    before, after = old.get("fields", {}), new.get("fields", {})
    for name in dict.fromkeys([*before, *after]):
        if name in ("language_edited_at", "updated_at"):
            continue
        a, b = before.get(name), after.get(name)
        if (a or "") != (b or ""):
            rows.append((_label(name), "" if a is None else str(a), "" if b is None else str(b)))
    for name in services.RELATIONS:
        a, b = old.get(name, []), new.get(name, [])
        if a != b:
            model = Release._meta.get_field(name).related_model
            names = {o.pk: str(o) for o in model.objects.filter(pk__in=[*a, *b])}
            rows.append(
                (
                    str(Release._meta.get_field(name).verbose_name),
                    ", ".join(names.get(i, str(i)) for i in a),
                    ", ".join(names.get(i, str(i)) for i in b),
                )
            )
    for kind, label in (("photos", _("Photo")), ("attachments", _("Document"))):
        a = {item["id"]: item for item in old.get(kind, [])}
        b = {item["id"]: item for item in new.get(kind, [])}
        for key in dict.fromkeys([*a, *b]):
            x, y = a.get(key, {}), b.get(key, {})
            for field in dict.fromkeys([*x, *y]):
                if field != "id" and x.get(field) != y.get(field):
                    rows.append(
                        (
                            f"{label} {key}: {field}",
                            "" if x.get(field) is None else str(x.get(field)),
                            "" if y.get(field) is None else str(y.get(field)),
                        )
                    )
    return rows


class TranslatorInlineMixin:
    """Photo and document inlines: a translator changes their text, nothing else."""

    TRANSLATABLE = ("alt", "caption", "credit", "title")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or request.user.has_perm(
            "press.translate_release"
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if request.user.has_perm(f"press.change_{self.model._meta.model_name}"):
            return fields
        flat = []
        for item in self.fields or ():
            flat += list(item) if isinstance(item, tuple | list) else [item]
        return [*fields, *(f for f in flat if f not in self.TRANSLATABLE and f not in fields)]
