"""Two editors save the same release: nothing either of them wrote is lost.

Editor one saves first. Editor two, who opened the same version, is refused, sees per field
what differs, and the form keeps the version editor two started from until every field
both of them changed is resolved (theirs, the saved one, or merged by hand). Fields only
one of them changed are merged without asking.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from press import services
from press.models import Release, Revision

pytestmark = pytest.mark.django_db

BASE_BODY = "<p>The ministers met in Tashkent.</p>"
ONE_BODY = BASE_BODY + "<p>They signed a trade agreement.</p>"
TWO_BODY = BASE_BODY + "<p>A joint statement was adopted.</p>"


def change_url(release, code="en"):
    with translation.override(code):
        return reverse("admin:press_release_change", args=[release.pk])


def form_data(release, **overrides):
    """What the change form posts: every language's text, the event, the version."""
    data = {
        "kind": release.kind,
        "event_date": release.event_date.isoformat(),
        "edit_version": release.version,
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    for name in ("title", "lead", "body", "place"):
        for suffix in ("uz", "uz_cyrl", "ru", "en"):
            data[f"{name}_{suffix}"] = getattr(release, f"{name}_{suffix}") or ""
    data.update(overrides)
    return data


def fresh(release):
    return Release.objects.get(pk=release.pk)


@pytest.fixture
def opened(draft_factory, editor):
    """A draft both editors opened at the same version, with that version's revision."""
    release = draft_factory(title="Talks", body_en=BASE_BODY, lead_en="Old lead.")
    services.revision_create(release=release, user=editor)
    return fresh(release)


def refused(client, editor, second_editor, opened, **two):
    """Editor one saves a new title, lead and body; editor two saves ``two`` and is refused."""
    client.force_login(editor)
    saved = form_data(opened, title_en="Talks in Tashkent", lead_en="New lead.", body_en=ONE_BODY)
    assert client.post(change_url(opened), saved).status_code == 302
    client.force_login(second_editor)
    response = client.post(change_url(opened), form_data(opened, **two))
    assert response.status_code == 200
    return response


def test_saving_again_without_resolving_never_drops_the_first_editors_words(
    client, editor, second_editor, opened
):
    response = refused(
        client, editor, second_editor, opened, title_en="Talks held", body_en=TWO_BODY
    )
    form = response.context["adminform"].form
    # The form keeps the version editor two started from...
    assert int(form.data["edit_version"]) == opened.version
    # ...so pressing Save again as it is is refused again, and nothing is overwritten.
    again = client.post(change_url(opened), form.data)
    assert again.status_code == 200
    stored = fresh(opened)
    assert "They signed a trade agreement." in stored.body_en
    assert stored.title_en == "Talks in Tashkent"
    again_form = again.context["adminform"].form
    assert set(again_form.errors) >= {"title_en", "body_en"}
    assert "Choose which version to keep" in str(again_form.errors["body_en"])
    assert Revision.objects.filter(release=opened).count() == 2  # the start and editor one


def test_each_conflicting_field_is_shown_as_a_word_diff_and_typed_text_stays(
    client, editor, second_editor, opened
):
    response = refused(
        client, editor, second_editor, opened, title_en="Talks held", body_en=TWO_BODY
    )
    form = response.context["adminform"].form
    conflicts = {c.name: c for c in form.conflicts}
    assert set(conflicts) == {"title_en", "body_en"}  # the lead changed on one side only
    html = response.content.decode()
    # Word level, on the visible text: no tags, editor two's words marked as theirs.
    body_diff = str(conflicts["body_en"].diff())
    assert body_diff.startswith("The ministers met in Tashkent.\n\n")
    assert '<del class="diff-del">They signed a trade agreement</del>' in body_diff
    assert '<ins class="diff-ins">A joint statement was adopted</ins>' in body_diff
    panel = html[html.index('id="conflict"') : html.index('id="merged-body_en"')]
    assert body_diff in panel
    assert "&lt;p&gt;" not in panel and "<pre" not in panel
    # What editor two typed is still in the form; the lead editor one wrote came in.
    assert form["body_en"].value() == TWO_BODY
    assert form["title_en"].value() == "Talks held"
    assert form["lead_en"].value() == "New lead."
    # Each conflicting field offers theirs, the saved text, or a merge to edit.
    assert 'name="resolve-body_en" value="merged"' in html
    assert 'name="merged-title_en"' in html


def test_resolving_each_field_saves_once_with_both_editors_sentences(
    client, editor, second_editor, opened
):
    response = refused(
        client, editor, second_editor, opened, title_en="Talks held", body_en=TWO_BODY
    )
    data = response.context["adminform"].form.data.copy()
    data["resolve-title_en"] = "mine"
    data["resolve-body_en"] = "merged"
    data["merged-body_en"] = (
        "The ministers met in Tashkent.\n\nThey signed a trade agreement.\n\n"
        "A joint statement was adopted."
    )
    saved = client.post(change_url(opened), data)
    assert saved.status_code == 302, saved.content.decode()[:3000]
    stored = fresh(opened)
    assert stored.title_en == "Talks held"
    assert stored.lead_en == "New lead."  # editor one's, merged without asking
    assert "They signed a trade agreement." in stored.body_en
    assert "A joint statement was adopted." in stored.body_en
    assert stored.body_en.startswith("<p>The ministers met in Tashkent.</p>")
    revisions = Revision.objects.filter(release=opened).order_by("number")
    assert [r.author for r in revisions] == [editor, editor, second_editor]
    assert stored.version == opened.version + 2


def test_taking_the_saved_text_keeps_it(client, editor, second_editor, opened):
    response = refused(client, editor, second_editor, opened, title_en="Talks held")
    data = response.context["adminform"].form.data.copy()
    data["resolve-title_en"] = "saved"
    assert client.post(change_url(opened), data).status_code == 302
    stored = fresh(opened)
    assert stored.title_en == "Talks in Tashkent"
    assert "They signed a trade agreement." in stored.body_en


def test_changes_on_different_fields_merge_without_asking(client, editor, second_editor, opened):
    client.force_login(editor)
    client.post(change_url(opened), form_data(opened, body_en=ONE_BODY))
    client.force_login(second_editor)
    response = client.post(change_url(opened), form_data(opened, title_en="Talks held"))
    assert response.status_code == 302
    stored = fresh(opened)
    assert stored.title_en == "Talks held" and stored.body_en == ONE_BODY
    assert Revision.objects.filter(release=opened).count() == 3


def test_a_third_save_while_resolving_is_a_new_conflict(client, editor, second_editor, opened):
    response = refused(client, editor, second_editor, opened, title_en="Talks held")
    data = response.context["adminform"].form.data.copy()
    data["resolve-title_en"] = "mine"
    # Meanwhile editor one saves again: the choice was made against an older saved text.
    release = fresh(opened)
    release.title_en = "Talks in Tashkent ended"
    services.release_save(release=release, user=editor, version=release.version)
    again = client.post(change_url(opened), data)
    assert again.status_code == 200
    assert fresh(opened).title_en == "Talks in Tashkent ended"
    assert "Someone else saved" in again.content.decode()


def test_conflict_messages_are_in_the_editors_language(client, editor, second_editor, opened):
    client.force_login(editor)
    client.post(change_url(opened), form_data(opened, title_en="Talks in Tashkent"))
    client.force_login(second_editor)
    response = client.post(change_url(opened, "ru"), form_data(opened, title_en="Talks held"))
    html = response.content.decode()
    assert "его сохранил кто-то другой. Ничего не сохранено." in html
    assert "Оставить ваш" in html and "Объединить вручную:" in html
    again = client.post(change_url(opened, "uz-cyrl"), response.context["adminform"].form.data)
    errors = str(again.context["adminform"].form.errors["title_en"])
    assert "Қайси вариант қолишини танланг" in errors


def test_word_diff_escapes_and_marks_words():
    from press.admin.conflicts import word_diff

    diff = str(word_diff("Talks <b>in</b> Tashkent", "Talks held in Tashkent"))
    assert "&lt;b&gt;" in diff
    assert '<ins class="diff-ins">held' in diff
    assert '<del class="diff-del">' in diff and "<b>" not in diff
