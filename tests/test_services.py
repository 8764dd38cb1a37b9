"""The workflow's service functions: every transition, who may do it, and what it leaves."""

import datetime

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone, translation

from press import services
from press.models import Release, Revision, Status
from press.services.roles import setup_roles
from press.templatetags.admin_history import change_message
from tests.support import in_every_language

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _english():
    # The audit entries are written in the editor's language: read them in English here.
    with translation.override("en"):
        yield


@pytest.fixture
def draft(draft_factory):
    return draft_factory(title="Qoralama")


@pytest.fixture
def submitted(draft, author):
    return services.release_submit(release=draft, user=author, version=draft.version)


def log_messages(release):
    """The release's history as the admin's history page says it (here in English)."""
    entries = LogEntry.objects.filter(object_id=str(release.pk)).order_by("action_time", "id")
    return [change_message(entry) for entry in entries]


# --- Roles --------------------------------------------------------------------------------


def test_roles_exist_with_their_permissions(author, translator, editor):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "author", "translator", "editor", "administrator",
    }  # fmt: skip
    assert author.has_perm("press.submit_release") and not author.has_perm("press.publish_release")
    assert translator.has_perm("press.translate_release")
    assert not translator.has_perm("press.change_release")
    assert not translator.has_perm("press.publish_release")
    for perm in ("publish", "force_publish", "correct", "withdraw", "unpublish"):
        assert editor.has_perm(f"press.{perm}_release")


def test_setup_roles_is_idempotent(capsys):
    before = setup_roles()
    call_command("setup_roles")
    assert setup_roles() == before
    assert Group.objects.filter(name="editor").count() == 1
    assert "editor:" in capsys.readouterr().out


# --- Submit, return -----------------------------------------------------------------------


def test_author_submits_a_draft(draft, author):
    release = services.release_submit(release=draft, user=author, version=draft.version)
    assert release.status == Status.SUBMITTED
    assert release.submitted_by == author
    assert release.version == draft.version + 1
    assert "Submitted for review" in " ".join(log_messages(release))
    assert Revision.objects.filter(release=release, action="submit").exists()


def test_translator_cannot_submit(draft, translator):
    with pytest.raises(PermissionDenied):
        services.release_submit(release=draft, user=translator)
    assert Release.objects.get(pk=draft.pk).status == Status.DRAFT


def test_an_empty_draft_cannot_be_submitted(draft_factory, author):
    empty = draft_factory(title="Bo‘sh", body_uz="", body_uz_cyrl="", body_ru="", body_en="")
    with pytest.raises(services.WorkflowError):
        services.release_submit(release=empty, user=author)


def test_editor_returns_a_submitted_release_to_draft(submitted, editor):
    release = services.release_return(release=submitted, user=editor, reason="Fix the lead")
    assert release.status == Status.DRAFT
    assert "Fix the lead" in log_messages(release)[-1]


# --- Publish and the second pair of eyes --------------------------------------------------


def test_editor_publishes_what_an_author_submitted(submitted, editor):
    release = services.release_publish(release=submitted, user=editor, version=submitted.version)
    assert release.status == Status.PUBLISHED
    assert release.published_at == NOW
    assert not release.force_published
    assert Release.objects.public().filter(pk=release.pk).exists()


def test_author_cannot_publish(submitted, author):
    with pytest.raises(PermissionDenied):
        services.release_publish(release=submitted, user=author)
    with pytest.raises(PermissionDenied):
        services.release_publish(release=submitted, user=author, force_reason="urgent")
    assert Release.objects.get(pk=submitted.pk).status == Status.SUBMITTED


def test_submitter_cannot_publish_their_own_release(draft, editor):
    submitted = services.release_submit(release=draft, user=editor)
    with pytest.raises(services.WorkflowError, match="someone else"):
        services.release_publish(release=submitted, user=editor)
    assert Release.objects.get(pk=draft.pk).status == Status.SUBMITTED


def test_force_publish_needs_a_reason_and_stays_flagged(draft, editor):
    submitted = services.release_submit(release=draft, user=editor)
    release = services.release_publish(
        release=submitted, user=editor, force_reason="Minister's statement, nobody else on duty"
    )
    assert release.force_published
    message = log_messages(release)[-1]
    assert "forced" in message and "nobody else on duty" in message


def test_the_second_pair_of_eyes_can_be_turned_off(draft, editor, settings):
    settings.PRESS_SECOND_PAIR_OF_EYES = False
    submitted = services.release_submit(release=draft, user=editor)
    release = services.release_publish(release=submitted, user=editor)
    assert release.status == Status.PUBLISHED and not release.force_published


def test_a_draft_is_published_only_by_force(draft, editor):
    with pytest.raises(services.WorkflowError):
        services.release_publish(release=draft, user=editor)
    release = services.release_publish(release=draft, user=editor, force_reason="Breaking news")
    assert release.status == Status.PUBLISHED and release.force_published


# --- Scheduling ---------------------------------------------------------------------------


def test_scheduled_release_appears_at_its_time_with_nothing_running(submitted, editor, _clock):
    at = NOW + datetime.timedelta(hours=3)
    release = services.release_publish(release=submitted, user=editor, at=at)
    assert release.status == Status.PUBLISHED and release.is_scheduled()
    assert not Release.objects.public().filter(pk=release.pk).exists()
    assert "Tashkent" in log_messages(release)[-1]
    assert "17:00" in log_messages(release)[-1]  # 09:00 UTC + 3 h, in Tashkent (UTC+5)
    _clock.move_to(at - datetime.timedelta(seconds=1))
    assert not Release.objects.public().filter(pk=release.pk).exists()
    _clock.move_to(at)
    assert Release.objects.public().filter(pk=release.pk).exists()
    assert not Release.objects.get(pk=release.pk).is_scheduled()


def test_scheduling_in_the_past_is_refused(submitted, editor):
    with pytest.raises(services.WorkflowError, match="passed"):
        services.release_publish(
            release=submitted, user=editor, at=NOW - datetime.timedelta(minutes=1)
        )
    assert Release.objects.get(pk=submitted.pk).status == Status.SUBMITTED


def test_unschedule(submitted, editor):
    release = services.release_publish(
        release=submitted, user=editor, at=NOW + datetime.timedelta(days=1)
    )
    release = services.release_unschedule(release=release, user=editor, version=release.version)
    assert release.status == Status.SUBMITTED and release.published_at is None


def test_a_public_release_cannot_be_unscheduled(submitted, editor):
    release = services.release_publish(release=submitted, user=editor)
    with pytest.raises(services.WorkflowError):
        services.release_unschedule(release=release, user=editor)


# --- Withdraw, unpublish, redraft ---------------------------------------------------------


@pytest.fixture
def published(submitted, editor):
    return services.release_publish(release=submitted, user=editor)


def test_withdraw_needs_a_reason(published, editor):
    with pytest.raises(services.WorkflowError):
        services.release_withdraw(release=published, user=editor, reason="  ")
    reasons = {"uz": "Xato maʼlumot", "uz-cyrl": "Хато маълумот", "ru": "Ошибка",
               "en": "Wrong facts"}  # fmt: skip
    release = services.release_withdraw(release=published, user=editor, reason=reasons)
    assert release.status == Status.WITHDRAWN
    assert release.withdrawn_at == NOW
    assert release.published_at == NOW  # kept
    assert release.withdrawal_reason_en == "Wrong facts"
    assert "Wrong facts" in log_messages(release)[-1]
    assert not Release.objects.public().filter(pk=release.pk).exists()
    assert Release.objects.readable().filter(pk=release.pk).exists()


def test_author_cannot_withdraw_or_unpublish(published, author, translator):
    for user in (author, translator):
        with pytest.raises(PermissionDenied):
            services.release_withdraw(release=published, user=user, reason=in_every_language("no"))
        with pytest.raises(PermissionDenied):
            services.release_unpublish(release=published, user=user, reason=in_every_language("no"))


def test_unpublish_with_and_without_replacement(published, editor, release_factory):
    other = release_factory(title="Tuzatilgan")
    release = services.release_unpublish(
        release=published, user=editor, replacement=other,
        reason=in_every_language("Published in error"),
    )  # fmt: skip
    assert release.status == Status.UNPUBLISHED and release.unpublished_at == NOW
    assert release.public_replacement() == other
    assert "Published in error" in log_messages(release)[-1]
    release = services.release_redraft(release=release, user=editor)
    assert release.status == Status.DRAFT and release.replacement is None


def test_withdrawn_release_can_be_unpublished(published, editor):
    release = services.release_withdraw(
        release=published, user=editor, reason=in_every_language("Eskirgan")
    )
    release = services.release_unpublish(
        release=release, user=editor, reason=in_every_language("Xato")
    )
    assert release.status == Status.UNPUBLISHED


@pytest.mark.parametrize(
    "status, action",
    [
        (Status.DRAFT, "withdraw"),
        (Status.DRAFT, "unpublish"),
        (Status.SUBMITTED, "submit"),
        (Status.PUBLISHED, "submit"),
        (Status.WITHDRAWN, "publish"),
        (Status.UNPUBLISHED, "withdraw"),
        (Status.DRAFT, "unschedule"),
    ],
)
def test_illegal_transitions_are_refused(draft_factory, editor, status, action):
    release = draft_factory(status=status, published_at=NOW - datetime.timedelta(days=1))
    call = {
        "withdraw": lambda: services.release_withdraw(release=release, user=editor, reason="x"),
        "unpublish": lambda: services.release_unpublish(release=release, user=editor),
        "submit": lambda: services.release_submit(release=release, user=editor),
        "publish": lambda: services.release_publish(release=release, user=editor),
        "unschedule": lambda: services.release_unschedule(release=release, user=editor),
    }[action]
    with pytest.raises(services.WorkflowError):
        call()
    assert Release.objects.get(pk=release.pk).status == status


def test_allowed_actions_follow_status_and_permissions(submitted, author, editor):
    assert services.allowed_actions(submitted, author) == []
    assert set(services.allowed_actions(submitted, editor)) == {"return", "publish"}


# --- Optimistic locking -------------------------------------------------------------------


def test_a_stale_version_is_refused_and_nothing_changes(published, editor, second_editor):
    stale = published.version
    services.release_correct(
        release=published, user=second_editor, changes={"title_uz": "Yangi sarlavha"},
        major=False, version=stale,
    )  # fmt: skip
    with pytest.raises(services.ConflictError) as caught:
        services.release_withdraw(release=published, user=editor, reason="x", version=stale)
    assert caught.value.saved.version == stale + 1
    stored = Release.objects.get(pk=published.pk)
    assert stored.status == Status.PUBLISHED and stored.title_uz == "Yangi sarlavha"
    with pytest.raises(services.ConflictError):
        services.release_correct(
            release=Release.objects.get(pk=published.pk), user=editor,
            changes={"title_uz": "Boshqa"}, major=False, version=stale,
        )  # fmt: skip
    assert Release.objects.get(pk=published.pk).title_uz == "Yangi sarlavha"


# --- Corrections --------------------------------------------------------------------------


def test_major_correction_needs_a_change_note_and_is_dated(published, editor, _clock):
    _clock.move_to(NOW + datetime.timedelta(hours=2))
    with pytest.raises(services.WorkflowError):
        services.release_correct(
            release=published, user=editor, changes={"body_uz": "<p>Yangi</p>"}, major=True
        )
    release = services.release_correct(
        release=Release.objects.get(pk=published.pk), user=editor,
        changes={"body_uz": "<p>Yangi</p>"}, major=True,
        change_note={"uz": "Sana tuzatildi", "en": "The date was corrected"},
    )  # fmt: skip
    assert release.changed_at == NOW + datetime.timedelta(hours=2)
    # Only the Uzbek text was corrected: only it has a note; English is outdated instead.
    assert release.change_note_uz == "Sana tuzatildi" and not release.change_note_en
    assert release.published_at == NOW
    assert "Sana tuzatildi" in log_messages(release)[-1]
    assert Revision.objects.filter(release=release, action="correct-major").exists()


def test_minor_correction_leaves_no_public_note(published, editor):
    release = services.release_correct(
        release=published, user=editor, changes={"title_uz": "Imlo tuzatildi"}, major=False
    )
    assert release.changed_at is None and not release.change_note_uz
    assert "Minor correction" in log_messages(release)[-1]


def test_author_cannot_correct_a_published_release(published, author):
    with pytest.raises(PermissionDenied):
        services.release_correct(
            release=published, user=author, changes={"title_uz": "x"}, major=False
        )
    with pytest.raises(PermissionDenied):
        services.release_save(release=published, user=author, changes={"title_uz": "x"})


def test_translator_edits_text_but_not_status_dates_or_relations(published, translator, trade):
    release = services.release_save(
        release=published, user=translator,
        changes={"title_ru": "Новый", "event_date": datetime.date(2000, 1, 1), "status": "draft"},
        relations={"topics": [trade.pk]},
    )  # fmt: skip
    stored = Release.objects.get(pk=release.pk)
    assert stored.title_ru == "Новый"
    assert stored.event_date == datetime.date(2021, 5, 5)
    assert stored.status == Status.PUBLISHED
    assert list(stored.topics.all()) == []


# --- Revisions and revert -----------------------------------------------------------------


def test_every_save_and_transition_appends_a_revision(draft, author, editor, trade):
    services.release_save(
        release=draft, user=author, changes={"title_en": "Draft"}, relations={"topics": [trade.pk]}
    )
    submitted = services.release_submit(release=draft, user=author)
    services.release_publish(release=submitted, user=editor)
    revisions = list(Revision.objects.filter(release=draft).order_by("number"))
    assert [r.number for r in revisions] == [1, 2, 3]
    assert [r.action for r in revisions] == ["save", "submit", "publish"]
    first = revisions[0]
    assert first.author == author
    assert first.data["fields"]["title_en"] == "Draft"
    assert first.data["topics"] == [trade.pk]
    assert "title" not in first.data["fields"]  # never the untranslated original column
    with pytest.raises(ValueError):
        first.save()


def test_revert_a_draft_in_place(draft, author, trade):
    services.release_save(release=draft, user=author, changes={"title_uz": "Birinchi"})
    first = Revision.objects.get(release=draft, number=1)
    services.release_save(
        release=draft, user=author, changes={"title_uz": "Ikkinchi"},
        relations={"topics": [trade.pk]},
    )  # fmt: skip
    stored = Release.objects.get(pk=draft.pk)
    reverted = services.release_revert(
        release=stored, user=author, revision=first, version=stored.version
    )
    assert reverted.pk == draft.pk
    assert reverted.title_uz == "Birinchi" and list(reverted.topics.all()) == []
    assert reverted.status == Status.DRAFT
    assert Revision.objects.filter(release=draft).count() == 3
    assert Revision.objects.filter(release=draft).order_by("-number")[0].action == "revert"


def test_revert_a_published_release_makes_a_new_draft(published, editor):
    services.release_correct(
        release=published, user=editor, changes={"title_uz": "Tuzatilgan"}, major=False
    )
    old = Revision.objects.filter(release=published, action="save").order_by("number").first() or (
        Revision.objects.filter(release=published).order_by("number").first()
    )
    stored = Release.objects.get(pk=published.pk)
    copy = services.release_revert(release=stored, user=editor, revision=old)
    assert copy.pk != published.pk
    assert copy.status == Status.DRAFT and copy.based_on == stored
    assert copy.title_uz == "Qoralama [uz]"
    assert copy.slug != stored.slug
    assert Release.objects.get(pk=published.pk).title_uz == "Tuzatilgan"
    assert Release.objects.get(pk=published.pk).status == Status.PUBLISHED
    assert not Release.objects.public().filter(pk=copy.pk).exists()


def test_revision_of_another_release_is_refused(draft, draft_factory, author):
    other = draft_factory(title="Boshqa")
    services.release_save(release=other, user=author, changes={"title_uz": "x"})
    with pytest.raises(services.WorkflowError):
        services.release_revert(
            release=draft, user=author, revision=Revision.objects.get(release=other)
        )


def test_the_outsider_has_no_superpowers(outsider):
    assert not outsider.has_perm("press.view_release")
    release = Release(event_date=datetime.date(2021, 1, 1), title_uz="x")
    with pytest.raises(PermissionDenied):
        services.release_save(release=release, user=outsider)


def test_local_time_is_tashkent(settings):
    assert settings.TIME_ZONE == "Asia/Tashkent"
    assert timezone.localtime(NOW).hour == 14
