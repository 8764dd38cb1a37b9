"""Each person's notifications and preferences in the admin, and reviewers' comments.

Each person's pages are the admin site's own (``site_urls``, wired by the site's
``get_urls``), reached from the user menu and the desk: there is no list of everyone's
notifications, and a release deleted takes its notifications with it.

- the list of my notifications, newest first, each marked read one by one or all at once;
- my preferences: the language of my e-mails, the languages I translate into, e-mails on
  or off;
- a reviewer's comment on a release (``comment_view``, wired by ReleaseAdmin.get_urls).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from press import languages, services
from press.admin.display import local_time
from press.admin.pages import change_url, get_release, page_context
from press.models import Notification, Preferences, ReviewComment
from press.services import notifications

LIST_SIZE = 100


class PreferencesForm(forms.ModelForm):
    working_languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages I translate into"),
        choices=languages.LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "You are told about missing or outdated translations in these languages only. "
            "None chosen: every language."
        ),
    )

    class Meta:
        model = Preferences
        fields = ("language", "working_languages", "email")


class CommentForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Seen only in the admin: never on the public site."),
    )


def may_comment(user) -> bool:
    """Return whether the user reviews releases, and so may comment on them."""
    return user.has_perm("press.publish_release")


def site_urls(admin_site) -> list:
    """The URLs of each person's own pages, for the admin site's ``get_urls``."""

    def page(route, view, name):
        wrapped = admin_site.admin_view(view)
        return path(route, wrapped, {"admin_site": admin_site}, name=name)

    return [
        page("notifications/", list_view, "press_notifications"),
        page("notifications/read/", read_view, "press_notifications_read"),
        page("preferences/", preferences_view, "press_preferences"),
    ]


def _context(request, admin_site, title, **extra) -> dict:
    return {**admin_site.each_context(request), "title": title, **extra}


def list_view(request, *, admin_site):
    """The user's notifications, newest first, in the user's admin language."""
    rows = list(Notification.objects.for_user(request.user)[:LIST_SIZE])
    entries = [(n, change_url(n.release), local_time(n.created_at), n.message()) for n in rows]
    unread = sum(1 for n in rows if n.read_at is None)
    context = _context(request, admin_site, _("Notifications"), entries=entries, unread=unread)
    return TemplateResponse(request, "admin/press/notifications.html", context)


def read_view(request, *, admin_site):
    """POST: mark one notification (``id``) or all of them read, then back to the list."""
    if request.method == "POST":
        ids = [int(i) for i in request.POST.getlist("id") if i.isdigit()] or None
        notifications.notifications_read(user=request.user, ids=ids)
    return HttpResponseRedirect(reverse("admin:press_notifications"))


def preferences_view(request, *, admin_site):
    """The user's preferences: shown, or saved and shown again with a confirmation."""
    preferences = notifications.preferences_of(request.user)
    form = PreferencesForm(request.POST or None, instance=preferences)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your preferences are saved."))
        return HttpResponseRedirect(request.path)
    context = _context(request, admin_site, _("My preferences"), form=form)
    return TemplateResponse(request, "admin/press/preferences.html", context)


def comment_view(request, pk, *, model_admin):
    """GET: the comment form; POST: keep the comment and go back to the release, or show
    the form again with what was typed and the error."""
    release = get_release(model_admin, request, pk)
    if not may_comment(request.user):
        raise PermissionDenied
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.comment_add(release=release, user=request.user, text=form.cleaned_data["text"])
        model_admin.message_user(request, _("Your comment is kept."), messages.SUCCESS)
        return HttpResponseRedirect(change_url(release) + "#review-comments")
    title = _("Comment")
    context = page_context(model_admin, request, release, title, form=form)
    return TemplateResponse(request, "admin/press/release/comment.html", context)


def change_form_context(request, release) -> dict:
    """What the change form shows of the reviewers' comments, newest first."""
    comments = [
        (c, c.author_name(), local_time(c.created_at))
        for c in ReviewComment.objects.filter(release=release).select_related("author")
    ]
    return {
        "review_comments": comments,
        "may_comment": may_comment(request.user),
        "comment_form": CommentForm() if may_comment(request.user) else None,
    }
