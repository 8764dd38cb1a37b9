"""The workflow in the admin: buttons, permissions, scheduling, conflicts, presence, revisions.

An author, a translator and an editor carry a release from first draft to a scheduled
publication, a correction and a withdrawal, through the admin's own pages.
"""

import datetime

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import translation

from press.models import EditingSession, Release, Revision, Status
from tests.support import logged_in, make_user, stored

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)  # 14:00 in Tashkent


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def url(name, *args, code="en"):
    with translation.override(code):
        return reverse(f"admin:press_release_{name}", args=args)


def form_data(release=None, **overrides):
    """What the change form posts: every language's text, the event, the version."""
    data = {
        "kind": "meeting",
        "event_date": "2021-05-05",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    if release is not None:
        for name in ("title", "lead", "body", "place"):
            for suffix in ("uz", "uz_cyrl", "ru", "en"):
                data[f"{name}_{suffix}"] = getattr(release, f"{name}_{suffix}") or ""
        data["edit_version"] = release.version
        data["kind"] = release.kind
        data["event_date"] = release.event_date.isoformat()
    data.update(overrides)
    return data


def act(client, release, action, **data):
    data.setdefault("version", stored(release).version)
    return client.post(url("workflow", release.pk, action), data)


# --- The whole journey --------------------------------------------------------------------


def test_author_translator_and_editor_carry_a_release_through(
    author_client, translator_client, editor, editor_client, _clock
):
    # The author writes a draft in Uzbek Latin and submits it.
    response = author_client.post(
        url("add"), form_data(title_uz="Vazir uchrashdi", body_uz="<p>Matn</p>")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    release = Release.objects.get()
    assert release.status == Status.DRAFT
    assert act(author_client, release, "submit", note="Tayyor").status_code == 302
    assert stored(release).status == Status.SUBMITTED
    # The author may not publish, whatever they post.
    assert act(author_client, release, "publish", when="now").status_code == 403

    # The translator adds Russian; cannot change the date or publish.
    response = translator_client.post(
        url("change", release.pk),
        form_data(
            stored(release), title_ru="Министр встретился", body_ru="<p>Текст</p>",
            event_date="2000-01-01",
        ),
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    assert stored(release).title_ru == "Министр встретился"
    assert stored(release).event_date == datetime.date(2021, 5, 5)
    assert act(translator_client, release, "publish", when="now").status_code == 403

    # The editor schedules it for 17:00 Tashkent time.
    page = editor_client.get(url("change", release.pk)).content.decode()
    assert 'data-action="publish"' in page
    response = act(editor_client, release, "publish", when="at", at_0="2026-11-25", at_1="17:00")
    assert response.status_code == 302
    release = stored(release)
    assert release.is_scheduled()
    assert release.published_at == datetime.datetime(2026, 11, 25, 12, 0, tzinfo=datetime.UTC)
    page = editor_client.get(url("change", release.pk)).content.decode()
    assert "Scheduled for 25 November 2026, 17:00 (Tashkent time)" in page
    assert "Scheduled" in editor_client.get(url("changelist")).content.decode()
    assert editor_client.get(f"/uz/press/{release.slug}/").status_code == 404

    # At 17:00 it is out, with nothing running.
    _clock.move_to(datetime.datetime(2026, 11, 25, 12, 0, tzinfo=datetime.UTC))
    assert editor_client.get(f"/uz/press/{release.slug}/").status_code == 200
    assert editor_client.get(f"/ru/press/{release.slug}/").status_code == 200

    # A major correction with its change note, shown on the page.
    _clock.move_to(datetime.datetime(2026, 11, 26, 5, 30, tzinfo=datetime.UTC))
    editor_client.force_login(editor)  # a new day, a new session
    response = editor_client.post(
        url("change", release.pk),
        form_data(
            stored(release), body_uz="<p>Tuzatilgan matn</p>", major_change="on",
            change_note_uz="Uchrashuv sanasi tuzatildi",
        ),
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    html = editor_client.get(f"/uz/press/{release.slug}/").content.decode()
    assert "Tuzatilgan matn" in html and "Uchrashuv sanasi tuzatildi" in html

    # Withdrawn with a reason: readable with its notice, gone from the list.
    response = act(
        editor_client, release, "withdraw",
        reason_uz="Maʼlumot eskirdi", reason_ru="Сведения устарели",
    )  # fmt: skip
    assert response.status_code == 302
    html = editor_client.get(f"/uz/press/{release.slug}/").content.decode()
    assert "Maʼlumot eskirdi" in html
    html = editor_client.get(f"/ru/press/{release.slug}/").content.decode()
    assert "Сведения устарели" in html and "Maʼlumot eskirdi" not in html
    assert release.slug not in editor_client.get("/uz/press/").content.decode()

    # Everything is in the admin's history page and in the revisions.
    history = editor_client.get(url("history", release.pk)).content.decode()
    for text in ("Submitted for review", "Scheduled for", "Major correction", "Withdrawn"):
        assert text in history, text
    actions = list(
        Revision.objects.filter(release=release).order_by("number").values_list("action", flat=True)
    )
    assert actions == ["create", "submit", "save", "schedule", "correct-major", "withdraw"]


# --- Buttons and permissions --------------------------------------------------------------


@pytest.fixture
def submitted(draft_factory, author):
    from press import services

    return services.release_submit(release=draft_factory(title="Koʻrib chiqish"), user=author)


def test_scheduling_in_the_past_is_a_form_error(editor_client, submitted):
    response = act(editor_client, submitted, "publish", when="at", at_0="2026-11-25", at_1="13:59")
    assert response.status_code == 200
    assert "passed" in response.content.decode()
    assert stored(submitted).status == Status.SUBMITTED


def test_publish_form_says_tashkent_time(editor_client, submitted):
    html = editor_client.get(url("workflow", submitted.pk, "publish")).content.decode()
    assert "Tashkent" in html


def test_submitter_must_give_a_reason_to_force_publish(editor_client, draft_factory):
    release = draft_factory(title="Oʻzim")
    act(editor_client, release, "submit")
    response = act(editor_client, release, "publish", when="now")
    assert response.status_code == 200 and stored(release).status == Status.SUBMITTED
    response = act(editor_client, release, "publish", when="now", force_reason="Tun, hech kim yoʻq")
    assert response.status_code == 302
    assert stored(release).force_published
    entry = LogEntry.objects.filter(object_id=str(release.pk)).order_by("-id").first()
    assert "forced" in entry.change_message and "hech kim" in entry.change_message


def test_a_stale_button_is_refused_and_shows_the_saved_state(
    editor_client, second_editor_client, submitted
):
    stale = stored(submitted).version
    assert act(second_editor_client, submitted, "return", note="Qayta yozing").status_code == 302
    response = act(editor_client, submitted, "publish", when="now", version=stale)
    assert response.status_code == 200
    assert "Someone else saved" in response.content.decode()
    assert stored(submitted).status == Status.DRAFT


def test_unknown_action_is_404_and_anonymous_goes_to_login(client, editor_client, submitted):
    assert client.get(url("workflow", submitted.pk, "publish")).status_code == 302
    assert editor_client.get(url("workflow", submitted.pk, "explode")).status_code == 404


def test_unpublish_with_a_replacement_address(editor_client, release_factory):
    wrong = release_factory(title="Xato", published_at=NOW - datetime.timedelta(hours=1))
    right = release_factory(title="Toʻgʻri", published_at=NOW - datetime.timedelta(hours=1))
    reasons = {f"reason_{s}": f"Xato [{s}]" for s in ("uz", "uz_cyrl", "ru", "en")}
    response = act(
        editor_client, wrong, "unpublish", replacement=f"/uz/press/{right.slug}/", **reasons
    )
    assert response.status_code == 302
    assert stored(wrong).replacement == right
    assert editor_client.get(f"/uz/press/{wrong.slug}/").status_code == 302
    response = act(editor_client, right, "unpublish", replacement="no-such-release", **reasons)
    assert response.status_code == 200 and stored(right).status == Status.PUBLISHED


def test_unschedule_from_the_admin(editor_client, submitted):
    act(editor_client, submitted, "publish", when="at", at_0="2026-12-01", at_1="10:00")
    assert stored(submitted).is_scheduled()
    assert act(editor_client, submitted, "unschedule").status_code == 302
    assert stored(submitted).status == Status.SUBMITTED


def test_author_cannot_edit_a_published_release(author_client, release_factory):
    release = release_factory(title="Chiqqan")
    response = author_client.post(url("change", release.pk), form_data(release, title_uz="Buzildi"))
    assert response.status_code == 403
    assert stored(release).title_uz == "Chiqqan [uz]"


def test_translator_form_has_text_but_no_structure(translator_client, release_factory):
    release = release_factory(title="Tarjima")
    html = translator_client.get(url("change", release.pk)).content.decode()
    assert 'name="title_ru"' in html
    assert 'name="event_date"' not in html and 'name="countries"' not in html
    assert 'name="status"' not in html


# --- Conflicts ------------------------------------------------------------------------------


def test_conflicting_save_is_refused_and_both_versions_are_shown(
    editor_client, second_editor_client, draft_factory
):
    release = draft_factory(title="Ikki kishi")
    opened = stored(release)
    response = second_editor_client.post(
        url("change", release.pk), form_data(opened, title_uz="Birinchisi")
    )
    assert response.status_code == 302
    response = editor_client.post(
        url("change", release.pk), form_data(opened, title_uz="Ikkinchisi")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved" in html
    assert "Birinchisi" in html and "Ikkinchisi" in html  # both on screen, nothing lost
    assert stored(release).title_uz == "Birinchisi"
    # The form keeps the version it was opened at: saving again as it is changes nothing...
    form = response.context["adminform"].form
    assert int(form.data["edit_version"]) == opened.version
    again = editor_client.post(url("change", release.pk), form.data)
    assert again.status_code == 200
    assert stored(release).title_uz == "Birinchisi"
    # ...until the editor has chosen, knowingly, which title to keep.
    data = again.context["adminform"].form.data.copy()
    data["resolve-title_uz"] = "mine"
    assert editor_client.post(url("change", release.pk), data).status_code == 302
    assert stored(release).title_uz == "Ikkinchisi"


def test_someone_else_editing_is_announced(
    editor_client, second_editor_client, draft_factory, _clock
):
    release = draft_factory(title="Band")
    second_editor_client.get(url("change", release.pk))
    _clock.move_to(NOW + datetime.timedelta(seconds=30))
    html = editor_client.get(url("change", release.pk)).content.decode()
    assert html.count("editor2 has this release open now") == 1
    _clock.move_to(NOW + datetime.timedelta(seconds=95))
    third_editor_client = logged_in(make_user("editor3", "editor"))
    html = third_editor_client.get(url("change", release.pk)).content.decode()
    assert "editor2 has" not in html  # no beat for more than a minute
    assert "editor has" not in html
    assert EditingSession.objects.filter(release=release).count() == 3


# --- Revisions ------------------------------------------------------------------------------


def test_revisions_list_compare_and_revert(editor_client, draft_factory, uzbekistan):
    release = draft_factory(title="Tarix")
    editor_client.post(url("change", release.pk), form_data(stored(release), title_uz="Birinchi"))
    editor_client.post(
        url("change", release.pk),
        form_data(stored(release), title_uz="Ikkinchi", countries=[uzbekistan.pk]),
    )
    html = editor_client.get(url("revisions", release.pk)).content.decode()
    assert html.count('name="a"') == 2
    html = editor_client.get(url("compare", release.pk), {"a": 1, "b": 2}).content.decode()
    assert "Birinchi" in html and "Ikkinchi" in html and "Uzbekistan" in html
    assert "title (Uzbek" in html or "Oʻzbekcha" in html or "title (" in html
    response = editor_client.post(
        url("revert", release.pk, 1), {"version": stored(release).version}
    )
    assert response.status_code == 302
    release = stored(release)
    assert release.title_uz == "Birinchi" and not release.countries.exists()
    assert release.status == Status.DRAFT
    assert Revision.objects.filter(release=release).count() == 3


def test_revert_of_a_published_release_makes_a_new_draft(editor, editor_client, release_factory):
    from press import services

    release = release_factory(title="Chiqqan")
    services.revision_create(release=release, user=editor)
    services.release_correct(
        release=release, user=editor, changes={"title_uz": "Yangi"}, major=False
    )
    response = editor_client.post(
        url("revert", release.pk, 1), {"version": stored(release).version}
    )
    assert response.status_code == 302
    copy = Release.objects.exclude(pk=release.pk).get()
    assert response["Location"] == url("change", copy.pk)
    assert copy.status == Status.DRAFT and copy.title_uz == "Chiqqan [uz]"
    assert stored(release).title_uz == "Yangi" and stored(release).status == Status.PUBLISHED


def test_list_filters_by_state(editor_client, release_factory, submitted):
    scheduled = release_factory(title="Keyin", published_at=NOW + datetime.timedelta(days=1))
    response = editor_client.get(url("changelist"), {"state": "scheduled"})
    assert list(response.context["cl"].result_list) == [scheduled]
    response = editor_client.get(url("changelist"), {"state": "submitted"})
    assert list(response.context["cl"].result_list) == [submitted]


# --- Two editors saving at once -------------------------------------------------------------


def test_two_interleaved_saves_keep_their_own_minor_edit_flag(
    client, rf, editor, second_editor, draft_factory, _clock
):
    """One ModelAdmin serves every request: a save's flag must travel with its own form."""
    from django.contrib import admin
    from django.utils.datastructures import MultiValueDict

    from press import services
    from tests.support import form_data as posted

    model_admin = admin.site._registry[Release]
    minor, major = draft_factory(title="Imlo"), draft_factory(title="Mazmun")
    for release in (minor, major):
        services.revision_create(release=release, user=editor)
    written = stored(minor).language_edited_at["uz"]
    _clock.shift(60)

    def bound(user, release, **changes):
        """The change form as ``user`` posts it: what the page shows, with ``changes``."""
        client.force_login(user)
        data = MultiValueDict(posted(client.get(url("change", release.pk)).content.decode()))
        for name, value in changes.items():
            data.setlist(name, [value])
        request = rf.post(url("change", release.pk), data)
        request.user = user
        form = model_admin.get_form(request, release, change=True)(
            request.POST, request.FILES, instance=stored(release)
        )
        assert form.is_valid(), form.errors
        return request, form

    first = bound(editor, minor, body_uz="<p>Imlo tuzatildi</p>", no_retranslation="on")
    second = bound(second_editor, major, body_uz="<p>Mazmun oʻzgardi</p>")
    # Django's change view calls these in turn for each request; here they interleave.
    for request, form in (first, second):
        release = model_admin.save_form(request, form, change=True)
        model_admin.save_model(request, release, form, True)
    for request, form in (first, second):
        model_admin.save_related(request, form, [], True)

    assert stored(minor).body_uz == "<p>Imlo tuzatildi</p>"
    assert stored(minor).language_edited_at["uz"] == written  # a minor edit keeps its time
    assert stored(major).body_uz == "<p>Mazmun oʻzgardi</p>"
    assert (
        stored(major).language_edited_at["uz"] == (NOW + datetime.timedelta(seconds=60)).isoformat()
    )


# --- A release filed under nothing (issue 16, pickers) ------------------------------------------

NO_SUBJECT = "names no country and no topic"


def test_submit_and_publish_warn_when_a_release_names_no_country_and_no_topic(
    author_client, editor_client, draft_factory, author
):
    draft = draft_factory(title="Hech narsaga bogʻlanmagan")
    page = author_client.get(url("workflow", draft.pk, "submit")).content.decode()
    assert NO_SUBJECT in page
    assert act(author_client, draft, "submit").status_code == 302  # a warning, not a refusal
    assert stored(draft).status == Status.SUBMITTED
    with translation.override("uz-cyrl"):
        page = editor_client.get(url("workflow", draft.pk, "publish", code="uz-cyrl"))
    assert "на бирор давлат, на бирор мавзу" in page.content.decode()


def test_no_warning_once_a_country_or_a_topic_is_named(editor_client, draft_factory, trade):
    draft = draft_factory(title="Savdo", topics=[trade])
    page = editor_client.get(url("workflow", draft.pk, "publish")).content.decode()
    assert NO_SUBJECT not in page
