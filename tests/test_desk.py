"""The desk on the admin's first page, "Duplicate as new draft", and picking participants."""

import datetime
import re

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone, translation

from press import services
from press.admin.desk import desk
from press.models import Appointment, Person, Post, Release, Revision, Status
from tests.support import make_release

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)  # 14:00 in Tashkent


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


def draft_by(user, title, **fields):
    """A draft made through the service, as the admin makes it: the revision names its author."""
    release = Release(
        kind="briefing", event_date=datetime.date(2026, 11, 25), title_uz=title, **fields
    )
    services.release_save(release=release, user=user)
    return release


@pytest.fixture
def newsroom(author, translator, editor, second_editor):
    """Releases in every state, each in the queues it should be in (names say which)."""
    hours = datetime.timedelta(hours=1)
    r = {}
    r["author_draft"] = draft_by(author, "Author draft")
    r["editor_draft"] = draft_by(editor, "Editor draft")
    r["returned"] = draft_by(second_editor, "Returned to author")
    Release.objects.filter(pk=r["returned"].pk).update(submitted_by=author)
    r["submitted_by_author"] = make_release(
        title="Submitted by author",
        status=Status.SUBMITTED,
        published_at=None,
        submitted_by=author,
        submitted_at=NOW - hours,
    )
    r["submitted_by_editor"] = make_release(
        title="Submitted by editor",
        status=Status.SUBMITTED,
        published_at=None,
        submitted_by=editor,
        submitted_at=NOW - 2 * hours,
    )
    r["scheduled_soon"] = make_release(title="Tomorrow", published_at=NOW + 20 * hours)
    r["scheduled_later"] = make_release(title="In ten days", published_at=NOW + 240 * hours)
    r["published_today"] = make_release(title="This morning", published_at=NOW - 3 * hours)
    # 23:30 Tashkent yesterday: yesterday in Tashkent, although the same UTC day.
    last_night = datetime.datetime(2026, 11, 24, 18, 30, tzinfo=datetime.UTC)
    r["published_yesterday"] = make_release(title="Last night", published_at=last_night)
    r["untranslated"] = make_release(
        title="Only Uzbek",
        published_at=NOW - 30 * hours,
        title_ru="",
        body_ru="",
        title_en="",
        body_en="",
    )
    r["draft_untranslated"] = make_release(
        title="Draft in Uzbek", status=Status.DRAFT, published_at=None, title_en="", body_en=""
    )
    r["withdrawn"] = make_release(
        title="Withdrawn", status=Status.WITHDRAWN, withdrawn_at=NOW - 24 * hours
    )
    r["withdrawn_long_ago"] = make_release(
        title="Withdrawn long ago",
        status=Status.WITHDRAWN,
        withdrawn_at=NOW - 400 * hours,
        published_at=NOW - 500 * hours,
    )
    r["corrected"] = make_release(
        title="Corrected", changed_at=NOW - 5 * hours, published_at=NOW - 50 * hours
    )
    return r


def queues(user):
    return {q.key: q for q in desk(user)}


def titles(queue):
    return [str(release) for release, *_rest in queue.releases]


def test_an_authors_desk(author, newsroom):
    with translation.override("uz"):
        q = queues(author)
    assert set(q) == {"drafts", "submitted", "returned", "scheduled", "today", "changed"}
    # A draft returned to its submitter is in its own queue, not among "my drafts".
    assert titles(q["drafts"]) == ["Author draft"]
    assert q["drafts"].count == 1
    assert titles(q["submitted"]) == ["Submitted by author [uz]"]
    assert titles(q["returned"]) == ["Returned to author"]
    assert q["returned"].urgent and not q["submitted"].urgent
    assert titles(q["scheduled"]) == ["Tomorrow [uz]"]
    assert titles(q["today"]) == ["This morning [uz]"]
    assert set(titles(q["changed"])) == {"Withdrawn [uz]", "Corrected [uz]"}


def test_a_translators_desk(translator, newsroom):
    q = queues(translator)
    assert set(q) == {"scheduled", "today", "translation", "changed"}
    # Submitted or published releases with a language missing: not drafts.
    assert titles(q["translation"]) == ["Only Uzbek [uz]"]
    counts = {code: count for code, _lang, _name, count, _url in q["translation"].by_language}
    assert counts == {"uz": 0, "uz-cyrl": 0, "ru": 1, "en": 1}


def test_an_editors_desk(editor, newsroom):
    q = queues(editor)
    assert set(q) == {
        "drafts",
        "submitted",
        "returned",
        "review",
        "scheduled",
        "today",
        "translation",
        "changed",
    }
    assert titles(q["drafts"]) == ["Editor draft"]
    assert titles(q["submitted"]) == ["Submitted by editor [uz]"]
    assert q["returned"].count == 0
    # What the editor submitted someone else must review (a second pair of eyes).
    assert titles(q["review"]) == ["Submitted by author [uz]"]
    assert q["review"].count == 1


def test_without_a_second_pair_of_eyes_the_editor_reviews_everything(editor, newsroom, settings):
    settings.PRESS_SECOND_PAIR_OF_EYES = False
    q = queues(editor)
    assert titles(q["review"]) == ["Submitted by editor [uz]", "Submitted by author [uz]"]


def test_counts_are_exact_beyond_the_list(author):
    for n in range(12):
        draft_by(author, f"Draft {n:02d}")
    q = queues(author)
    assert q["drafts"].count == 12 and len(q["drafts"].releases) == 8
    assert q["submitted"].count == 0 and q["submitted"].releases == []


def test_the_desk_page_in_constant_queries(
    editor, editor_client, newsroom, django_assert_max_num_queries
):
    url = reverse("admin:index")
    with django_assert_max_num_queries(20) as few:
        editor_client.get(url)
    for n in range(10):
        draft_by(editor, f"More {n}")
        make_release(title=f"More {n}", published_at=NOW + (n + 1) * datetime.timedelta(hours=2))
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = editor_client.get(url).content.decode()
    assert 'id="queue-review"' in html


def test_the_desk_page_links_each_entry_in_the_users_language(author_client, newsroom):
    with translation.override("ru"):
        url = reverse("admin:index")
        change = reverse("admin:press_release_change", args=[newsroom["author_draft"].pk])
    html = author_client.get(url).content.decode()
    assert url.startswith("/ru/")
    assert f'href="{change}"' in html
    section = html.split('id="queue-scheduled"', 1)[1].split("</div>", 1)[0]
    assert "Tomorrow [ru]" in section and "(" in section  # the time, in Tashkent
    assert re.search(r'id="queue-drafts" data-count="1"', html)
    assert re.search(r'id="queue-returned" data-count="1"', html)


def test_no_desk_for_staff_without_releases(outsider_client):
    assert "press-desk" not in outsider_client.get(reverse("admin:index")).content.decode()


# --- Duplicate as new draft ---------------------------------------------------------------


@pytest.fixture
def people(uzbekistan, minister):
    """The minister of the conftest (2020 – mid 2022) and a spokesperson in office now."""
    post = Post.objects.create(title_uz="Matbuot kotibi", title_en="Spokesperson", seniority=5)
    person = Person.objects.create(slug="speaker", name_uz="Soʻzlovchi", name_en="Speaker")
    speaker = Appointment.objects.create(
        person=person, post=post, started_on=datetime.date(2024, 1, 1)
    )
    return {"old_minister": minister, "speaker": speaker}


def test_duplicate_carries_what_recurs_and_nothing_else(author, editor, uzbekistan, trade, people):
    weekly = make_release(
        title="Haftalik brifing",
        kind="briefing",
        event_date=datetime.date(2026, 11, 18),
        place_uz="Toshkent",
        place_en="Tashkent",
        countries=[uzbekistan],
        topics=[trade],
        participants=[people["speaker"]],
        lead_uz="Oʻtgan hafta",
    )
    weekly.participants.add(people["old_minister"])
    copy = services.release_duplicate(release=weekly, user=author)
    copy = Release.objects.get(pk=copy.pk)
    assert copy.pk != weekly.pk and copy.status == Status.DRAFT
    assert copy.kind == "briefing" and copy.place_en == "Tashkent"
    assert copy.event_date == datetime.date(2026, 11, 25)  # today in Tashkent
    assert copy.published_at is None and copy.submitted_by is None
    assert list(copy.countries.all()) == [uzbekistan] and list(copy.topics.all()) == [trade]
    # Only appointments in force on the new event date.
    assert list(copy.participants.all()) == [people["speaker"]]
    assert copy.title_uz == "Haftalik brifing [uz]" and copy.slug != weekly.slug
    assert not copy.lead_uz and not copy.body_uz and not copy.photos.exists()
    revision = Revision.objects.get(release=copy)
    assert revision.action == "duplicate" and revision.author == author
    assert LogEntry.objects.filter(object_id=str(copy.pk)).exists()
    # Shows on the author's desk as one of their drafts.
    assert [r for r, *_ in queues(author)["drafts"].releases] == [copy]


def test_duplicate_needs_the_right_to_add(translator, release_factory):
    with pytest.raises(services.PermissionDenied):
        services.release_duplicate(release=release_factory(), user=translator)


def test_duplicate_from_the_change_form_and_the_list(author_client, release_factory):
    release = release_factory(title="Brifing")
    change = reverse("admin:press_release_change", args=[release.pk])
    duplicate = reverse("admin:press_release_duplicate", args=[release.pk])
    assert f'href="{duplicate}"' in author_client.get(change).content.decode()
    assert author_client.get(duplicate).status_code == 200  # says what it carries; makes nothing
    assert Release.objects.count() == 1
    response = author_client.post(duplicate)
    copy = Release.objects.exclude(pk=release.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:press_release_change", args=[copy.pk])
    response = author_client.post(
        reverse("admin:press_release_changelist"),
        {"action": "duplicate_as_draft", "_selected_action": [release.pk]},
    )
    assert response.status_code == 302 and Release.objects.count() == 3


def test_a_translator_cannot_duplicate(translator_client, release_factory):
    release = release_factory()
    url = reverse("admin:press_release_duplicate", args=[release.pk])
    assert translator_client.post(url).status_code == 403
    change = translator_client.get(reverse("admin:press_release_change", args=[release.pk]))
    assert url not in change.content.decode()


# --- Picking participants -----------------------------------------------------------------


def autocomplete(client, term, event_date=""):
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": term,
            "app_label": "press",
            "model_name": "release",
            "field_name": "participants",
            "event_date": event_date,
        },
    )
    assert response.status_code == 200
    return [item["text"] for item in response.json()["results"]]


def test_participants_are_found_in_any_script_and_apostrophe(author_client, people):
    def found(term):
        return autocomplete(author_client, term)

    with translation.override("uz"):
        assert found("so'zlov") == found("Соʻзлов")
        assert found("so'zlov")[0].startswith("Soʻzlovchi — Matbuot kotibi")
        assert found("вазир") and found("vazir")
        assert found("demo tashqi") == found("Демо ТАШҚИ")
        assert found("nobody") == []


def test_appointments_in_force_on_the_event_date_come_first(author_client, people, minister):
    successor = Appointment.objects.create(
        person=Person.objects.create(slug="next", name_uz="Keyingi Vazir"),
        post=minister.post,
        started_on=minister.ended_on,
    )
    with translation.override("uz"):
        in_2021 = autocomplete(author_client, "vazir", "05.05.2021")
        today = autocomplete(author_client, "vazir")
    assert in_2021[0] == str(Appointment.objects.with_names().get(pk=minister.pk))
    assert today[0] == str(Appointment.objects.with_names().get(pk=successor.pk))
    assert len(in_2021) == len(today) == 2
    # Each says who, which post, and from when to when.
    assert re.search(r"— .+ \(.+\)$", in_2021[0])


def test_the_release_form_sends_the_event_date_to_the_autocomplete():
    from django.contrib.staticfiles import finders

    script = open(finders.find("js/admin-drafting.js"), encoding="utf-8").read()
    assert "field_name=participants" in script and "event_date=" in script
    assert timezone.now() == NOW
