"""A release's revisions in the admin: the list, the differences between two, and a revert.

Plain views, wired by ReleaseAdmin.get_urls with the ModelAdmin as ``model_admin``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from press import languages, services
from press.admin import history
from press.admin.display import local_time
from press.admin.pages import change_url, get_release, page_context
from press.admin.workflow import VersionForm
from press.models import Release, Revision, Status


def get_release_history(model_admin, request, pk, *, change: bool = False) -> Release:
    """The release ``pk`` if the user may see it (and change it, with ``change``) and may see
    revisions: a revision holds every earlier text, which the release's own pages do not show.
    """
    release = get_release(model_admin, request, pk, change=change)
    if not request.user.has_perm("press.view_revision"):
        raise PermissionDenied
    return release


def revisions_view(request, pk, *, model_admin):
    """Every revision of the release, newest first, with who made it and when."""
    release = get_release_history(model_admin, request, pk)
    revisions = Revision.objects.for_release(release)
    context = page_context(
        model_admin,
        request,
        release,
        _("Revisions"),
        revisions=[
            (r, services.ACTION_LABELS.get(r.action, r.action), local_time(r.created_at), note(r))
            for r in revisions
        ],
        can_revert=model_admin.has_change_permission(request, release)
        and services.edits_structure(request.user),
    )
    return TemplateResponse(request, "admin/press/release/revisions.html", context)


def note(revision: Revision) -> str:
    """What a revision's note says: what its author typed, or its event in the reader's
    language (a revert, a duplicate)."""
    event = (revision.data or {}).get("event")
    return revision.note or (history.describe(event) if event else "")


def compare_view(request, pk, *, model_admin):
    """The differences between revisions ``a`` and ``b`` (by default the last two)."""
    release = get_release_history(model_admin, request, pk)
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
    context = page_context(
        model_admin,
        request,
        release,
        _("Differences between revisions %(a)s and %(b)s") % {"a": a, "b": b},
        first=first,
        second=second,
        rows=revision_diff(first.data, second.data),
    )
    return TemplateResponse(request, "admin/press/release/compare.html", context)


def revert_view(request, pk, number, *, model_admin):
    """GET: what reverting would do; POST: revert (a public release gets a new draft instead)."""
    release = get_release_history(model_admin, request, pk, change=True)
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
                model_admin.message_user(request, error.message, messages.ERROR)
            else:
                if target.pk != release.pk:
                    message = _(
                        "A new draft was made from revision %(number)s; the published "
                        "release is unchanged."
                    )
                else:
                    message = _("Reverted to revision %(number)s.")
                model_admin.message_user(request, message % {"number": number}, messages.SUCCESS)
                return HttpResponseRedirect(change_url(target))
    context = page_context(
        model_admin,
        request,
        release,
        _("Revert to revision %(number)s") % {"number": number},
        revision=revision,
        form=VersionForm(initial={"version": release.version}),
        makes_copy=release.status not in (Status.DRAFT, Status.SUBMITTED),
    )
    return TemplateResponse(request, "admin/press/release/revert.html", context)


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
        if name in ("language_edited_at", "language_changed_at", "updated_at"):
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
