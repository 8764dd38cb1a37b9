import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from press.models import Appointment, Person, Post, Release, Status, participant_errors
from press.text import make_slug, sanitize_html, strip_apostrophes

pytestmark = pytest.mark.django_db


class TestAppointments:
    def test_end_must_come_after_start(self, minister):
        appointment = Appointment(
            person=minister.person,
            post=minister.post,
            started_on=datetime.date(2030, 5, 1),
            ended_on=datetime.date(2030, 5, 1),
        )
        with pytest.raises(ValidationError) as error:
            appointment.full_clean()
        assert "ended_on" in error.value.message_dict

    def test_overlap_on_one_post_is_refused_naming_the_holder(self, minister):
        rival = Person.objects.create(slug="rival", name_uz="Raqib", name_en="Rival")
        clash = Appointment(
            person=rival,
            post=minister.post,
            started_on=datetime.date(2022, 1, 1),
            ended_on=datetime.date(2023, 1, 1),
        )
        with pytest.raises(ValidationError) as error:
            clash.full_clean()
        text = " ".join(error.value.messages)
        assert "Demo Vazir" in text  # the holder is named, in the active language (uz)
        assert "01.01.2020" in text

    def test_open_ended_appointment_clashes_with_any_later_one(self, minister):
        minister.ended_on = None
        minister.save()
        later = Appointment(
            person=minister.person, post=minister.post, started_on=datetime.date(2040, 1, 1)
        )
        with pytest.raises(ValidationError):
            later.full_clean()

    def test_successor_may_start_the_day_the_predecessor_ended(self, minister):
        successor = Person.objects.create(slug="successor", name_uz="Voris", name_en="Successor")
        handover = Appointment(person=successor, post=minister.post, started_on=minister.ended_on)
        handover.full_clean()  # half-open ranges: no clash on the handover day
        handover.save()
        day = minister.ended_on
        assert list(Appointment.objects.current_on(day)) == [handover]
        assert list(Appointment.objects.current_on(day - datetime.timedelta(days=1))) == [minister]

    def test_another_post_does_not_clash(self, minister, uzbekistan):
        deputy = Post.objects.create(title_uz="Oʻrinbosar", country=uzbekistan)
        Appointment(
            person=minister.person, post=deputy, started_on=datetime.date(2021, 1, 1)
        ).full_clean()

    def test_database_refuses_an_end_before_the_start(self, minister):
        from django.db import IntegrityError, transaction

        minister.ended_on = datetime.date(2019, 1, 1)
        with pytest.raises(IntegrityError), transaction.atomic():
            minister.save()

    def test_label_says_who_which_post_and_when(self, minister):
        with translation.override("en"):
            label = str(Appointment.objects.with_names().get())
        assert label == (
            "Demo Minister — Minister of Foreign Affairs of Uzbekistan (01/01/2020 – 01/07/2022)"
        )


class TestParticipants:
    def test_current_appointment_gives_no_error(self, minister):
        assert participant_errors(datetime.date(2021, 3, 1), [minister]) == []

    def test_appointment_not_current_names_person_post_and_dates(self, minister):
        with translation.override("en"):
            errors = participant_errors(datetime.date(2023, 3, 1), [minister])
        assert len(errors) == 1
        assert "Demo Minister" in errors[0]
        assert "Minister of Foreign Affairs of Uzbekistan" in errors[0]
        assert "1 March 2023" in errors[0]
        assert "01/01/2020 – 01/07/2022" in errors[0]

    def test_the_day_the_appointment_ends_is_outside_it(self, minister):
        assert participant_errors(minister.ended_on, [minister])
        assert participant_errors(minister.started_on, [minister]) == []


class TestRelease:
    def test_draft_with_one_language_is_valid(self):
        release = Release(
            event_date=datetime.date(2024, 1, 1), title_ru="Только по-русски", body_ru=""
        )
        release.full_clean()
        release.save()
        assert release.slug == "tolko-po-russki"
        assert release.languages_filled() == []

    def test_a_title_in_some_language_is_required(self):
        with pytest.raises(ValidationError):
            Release(event_date=datetime.date(2024, 1, 1)).full_clean()

    def test_published_needs_time_and_a_complete_language(self):
        release = Release(
            event_date=datetime.date(2024, 1, 1), title_en="Title", status=Status.PUBLISHED
        )
        with pytest.raises(ValidationError):
            release.full_clean()
        release.body_en = "<p>Body</p>"
        with pytest.raises(ValidationError) as error:
            release.full_clean()
        assert "published_at" in error.value.message_dict
        release.published_at = timezone.now()
        release.full_clean()

    def test_slug_is_ascii_unique_and_kept_when_retitled(self, release_factory):
        first = release_factory(title="Oʻzbekiston va Qirgʻiziston")
        second = release_factory(title="Oʻzbekiston va Qirgʻiziston")
        assert first.slug == "ozbekiston-va-qirgiziston-uz"
        assert second.slug == "ozbekiston-va-qirgiziston-uz-2"
        first.title_uz = "Yangi sarlavha"
        first.save()
        first.refresh_from_db()
        assert first.slug == "ozbekiston-va-qirgiziston-uz"

    def test_slug_from_cyrillic_when_only_cyrillic_exists(self):
        release = Release.objects.create(
            event_date=datetime.date(2024, 1, 1), title_uz_cyrl="Ташқи ишлар вазирлиги"
        )
        assert release.slug == "tashqi-ishlar-vazirligi"

    def test_public_needs_published_status_past_time_and_the_language(self, release_factory):
        visible = release_factory(title="Visible")
        release_factory(title="Draft", status=Status.DRAFT)
        release_factory(title="Submitted", status=Status.SUBMITTED)
        release_factory(
            title="Scheduled", published_at=timezone.now() + datetime.timedelta(minutes=5)
        )
        english_missing = release_factory(title="No English", body_en="")
        assert set(Release.objects.public("uz")) == {visible, english_missing}
        assert set(Release.objects.public("en")) == {visible}

    def test_body_is_sanitised_on_save(self, release_factory):
        release = release_factory(
            title="X",
            body_en='<p onclick="x()">Hi<script>alert(1)</script>'
            '<a href="javascript:alert(1)">a</a><a href="https://mfa.uz">b</a></p>',
        )
        release.refresh_from_db()
        assert "script" not in release.body_en
        assert "onclick" not in release.body_en
        assert "javascript:" not in release.body_en
        assert 'rel="noopener noreferrer"' in release.body_en


def test_slug_and_apostrophe_helpers():
    assert strip_apostrophes("Oʻzbekiston O'zbekiston O’zbekiston O`zbekiston") == (
        "Ozbekiston Ozbekiston Ozbekiston Ozbekiston"
    )
    assert make_slug("Встреча министров иностранных дел") == "vstrecha-ministrov-inostrannix-del"
    assert len(make_slug("word " * 50, max_length=30)) <= 30
    assert sanitize_html("<h2>Heading</h2><table><tr><td>1</td></tr></table>") == (
        "<h2>Heading</h2><table><tbody><tr><td>1</td></tr></tbody></table>"
    )
