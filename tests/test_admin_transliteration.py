"""The admin actions that fill one Uzbek script from the other."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation

from press import languages
from press.models import Country, Person, Post, Release, Revision, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def latin_release(release_factory):
    release = release_factory(title="Uchrashuv")
    release.title_uz = "Oʻzbekiston va Qirgʻiziston vazirlari uchrashuvi"
    release.lead_uz = "COVID-19 va UNESCO haqida"
    release.body_uz = '<p>Batafsil: <a href="https://mfa.uz/uz/">sayt</a>, info@mfa.uz</p>'
    release.place_uz = "Toshkent"
    release.title_uz_cyrl = release.body_uz_cyrl = release.lead_uz_cyrl = ""
    release.place_uz_cyrl = ""
    release.save()
    return release


def run(client, action, objects, **extra):
    model = type(objects[0])
    url = reverse(f"admin:press_{model._meta.model_name}_changelist")
    data = {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in objects], **extra}
    if "overwrite" not in extra:
        data["index"] = 0  # posted from the changelist itself
    return client.post(url, data, follow=True)


def test_fills_empty_cyrillic_fields_and_marks_them(admin_client, latin_release):
    response = run(admin_client, "fill_cyrillic", [latin_release])
    assert response.status_code == 200
    latin_release.refresh_from_db()
    assert latin_release.title_uz_cyrl == "Ўзбекистон ва Қирғизистон вазирлари учрашуви"
    assert latin_release.lead_uz_cyrl == "COVID-19 ва UNESCO ҳақида"
    assert latin_release.body_uz_cyrl == (
        '<p>Батафсил: <a href="https://mfa.uz/uz/" rel="noopener noreferrer">сайт</a>, '
        "info@mfa.uz</p>"
    )
    assert latin_release.place_uz_cyrl == "Тошкент"
    assert latin_release.machine_translated == ["uz-cyrl"]
    # The Latin original is untouched.
    assert latin_release.title_uz == "Oʻzbekiston va Qirgʻiziston vazirlari uchrashuvi"
    messages = [str(m) for m in response.context["messages"]]
    assert any("1" in m and languages.name("uz-cyrl") in m for m in messages), messages
    # Saved as every edit of a release is: a new version, a revision, a history entry.
    assert latin_release.version == 2
    revision = Revision.objects.for_release(latin_release).first()
    assert revision.data["fields"]["title_uz_cyrl"] == latin_release.title_uz_cyrl
    with translation.override("uz-cyrl"):
        history = [e.get_change_message() for e in LogEntry.objects.all()]
    assert any("[uz-cyrl]" in message for message in history), history


def test_a_transliteration_run_records_one_revision_a_release(admin_client, latin_release):
    other = Release.objects.get(pk=latin_release.pk)
    other.pk, other.slug = None, "ikkinchi"
    other.save()
    before = Revision.objects.count()
    run(admin_client, "fill_cyrillic", [latin_release, other])
    assert Revision.objects.count() == before + 2
    for release in (latin_release, other):
        assert Revision.objects.filter(release=release).count() == 1


def test_filled_fields_ask_first_and_are_skipped_with_a_message(admin_client, latin_release):
    latin_release.title_uz_cyrl = "Муҳаррир ёзган сарлавҳа"
    latin_release.save()

    confirm = run(admin_client, "fill_cyrillic", [latin_release])
    assert confirm.templates[0].name == "admin/press/transliteration_confirmation.html"
    html = confirm.content.decode()
    assert 'name="overwrite" value="yes"' in html and 'name="overwrite" value="no"' in html
    latin_release.refresh_from_db()
    assert latin_release.body_uz_cyrl == ""  # nothing written before the editor answers

    response = run(admin_client, "fill_cyrillic", [latin_release], overwrite="no")
    latin_release.refresh_from_db()
    assert latin_release.title_uz_cyrl == "Муҳаррир ёзган сарлавҳа"
    assert latin_release.place_uz_cyrl == "Тошкент"
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and str(latin_release) in warnings[0]
    assert f"({Release._meta.get_field('title').verbose_name})" in warnings[0], warnings


def test_overwrites_only_after_confirmation(admin_client, latin_release):
    latin_release.title_uz_cyrl = "Эски сарлавҳа"
    latin_release.save()
    run(admin_client, "fill_cyrillic", [latin_release], overwrite="yes")
    latin_release.refresh_from_db()
    assert latin_release.title_uz_cyrl == "Ўзбекистон ва Қирғизистон вазирлари учрашуви"
    assert latin_release.machine_translated == ["uz-cyrl"]


def test_an_editor_who_may_not_edit_the_release_is_told_and_nothing_changes(
    outsider, outsider_client, latin_release
):
    # Django's permissions to see and change releases, but no role in the press office.
    outsider.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_release", "change_release"])
    )
    response = run(outsider_client, "fill_cyrillic", [latin_release])
    latin_release.refresh_from_db()
    assert latin_release.title_uz_cyrl == "" and latin_release.machine_translated == []
    assert [m.level_tag for m in response.context["messages"]][0] == "error"


def test_fills_latin_from_cyrillic(admin_client, db):
    topic = Topic.objects.create(slug="suv", name_uz_cyrl="Сув хўжалиги", name_en="Water")
    run(admin_client, "fill_latin", [topic])
    topic.refresh_from_db()
    assert topic.name_uz == "Suv xoʻjaligi"
    assert topic.machine_translated == ["uz"]


@pytest.mark.parametrize("model", [Country, Topic, Person, Post, Release], ids=lambda m: m.__name__)
def test_every_translated_model_offers_both_actions(admin_client, model, minister, trade):
    Release.objects.create(title_uz="Uchrashuv", event_date="2020-11-05")  # one of each
    url = reverse(f"admin:press_{model._meta.model_name}_changelist")
    html = admin_client.get(url).content.decode()
    assert 'value="fill_cyrillic"' in html and 'value="fill_latin"' in html


def test_person_and_post_and_country(admin_client, minister, uzbekistan):
    person, post = minister.person, minister.post
    person.name_uz, person.name_uz_cyrl = "Abdulaziz Kamilov", ""
    person.save()
    post.title_uz_cyrl = ""
    post.save()
    run(admin_client, "fill_cyrillic", [person])
    run(admin_client, "fill_cyrillic", [post])
    person.refresh_from_db()
    post.refresh_from_db()
    assert person.name_uz_cyrl == "Абдулазиз Камилов"
    assert post.title_uz_cyrl == "Ташқи ишлар вазири"
    # Both scripts already written: the confirmation page, and nothing changes on "no".
    run(admin_client, "fill_cyrillic", [uzbekistan], overwrite="no")
    uzbekistan.refresh_from_db()
    assert uzbekistan.name_uz_cyrl == "Ўзбекистон" and uzbekistan.machine_translated == []


def test_the_review_mark_is_shown_and_cleared_by_the_editor(admin_client, latin_release):
    run(admin_client, "fill_cyrillic", [latin_release])
    changelist = admin_client.get(reverse("admin:press_release_changelist")).content.decode()
    assert "uz-cyrl" in changelist
    url = reverse("admin:press_release_change", args=[latin_release.pk])
    form = admin_client.get(url).context["adminform"].form
    assert form.initial["machine_translated"] == ["uz-cyrl"]
    assert 'name="machine_translated" value="uz-cyrl"' in form.as_p().replace(" checked", "")

    data = {k: v for k, v in form.initial.items() if v is not None and k != "machine_translated"}
    data.update(
        {
            "countries": [],
            "topics": [],
            "participants": [],
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
            "attachments-TOTAL_FORMS": 0,
            "attachments-INITIAL_FORMS": 0,
            "published_at_0": latin_release.published_at.strftime("%d.%m.%Y"),
            "published_at_1": latin_release.published_at.strftime("%H:%M:%S"),
            "event_date": latin_release.event_date.isoformat(),
        }
    )
    data.pop("published_at", None)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    latin_release.refresh_from_db()
    assert latin_release.machine_translated == []
