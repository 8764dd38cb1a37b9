"""Writing a release in Chromium: the editor in every tab, its HTML, pasting, counters, and a
draft that survives a lost tab (kept in the browser, restored on request)."""

import pytest

from press.models import Release
from tests.browser.admin import editor_of, show_tab, sign_in
from tests.browser.conftest import DESKTOP, leave_quietly
from tests.support import EDITOR_HTML, WORD, structure

pytestmark = [pytest.mark.browser]

# Playwright's init scripts run outside the page's CSP: they only let the test reach the
# editors that admin-editor.js announces.
CATCH_EDITORS = """
window.__editors = {};
document.addEventListener("prose-editor:ready", (e) => {
  window.__editors[e.detail.textarea.id] = e.detail.editor;
});
"""


def test_the_editor_in_every_tab_keeps_what_the_server_keeps(live_server, admin_user, open_page):
    page = open_page(DESKTOP)
    page.add_init_script(CATCH_EDITORS)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: errors.append(r.url) if r.status >= 400 else None)
    sign_in(page, live_server, "en", admin_user.username, "/en/admin/press/release/add/")
    page.wait_for_function("Object.keys(window.__editors).length === 4")
    for tab, field in (
        ("UZ", "id_body_uz"),
        ("UZ-CYRL", "id_body_uz_cyrl"),
        ("RU", "id_body_ru"),
        ("EN", "id_body_en"),
    ):
        show_tab(page, field)
        editor = editor_of(page, field)
        assert editor.is_visible(), field
        editor.click()
        page.keyboard.type(f"Text {tab}")
        assert page.eval_on_selector(f"#{field}", "t => t.value") == f"<p>Text {tab}</p>"
    # Every element the server keeps comes back out of the editor unchanged.
    for html in EDITOR_HTML:
        out = page.evaluate(
            "(html) => { const e = window.__editors.id_body_en; e.commands.setContent(html);"
            " return e.getHTML(); }",
            html,
        )
        assert structure(out) == structure(html), (html, out)
    assert errors == []


def test_pasting_from_word_keeps_structure_and_drops_styles(live_server, admin_user, open_page):
    page = open_page(DESKTOP)
    page.add_init_script(CATCH_EDITORS)
    sign_in(page, live_server, "en", admin_user.username, "/en/admin/press/release/add/")
    page.wait_for_function("Object.keys(window.__editors).length === 4")
    show_tab(page, "id_body_en")
    editor_of(page, "id_body_en").click()
    word_list = (
        "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>"
        "<span style='mso-list:Ignore'>1.<span>&nbsp;</span></span>First point</p>"
        "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'>"
        "<span style='mso-list:Ignore'>2.<span>&nbsp;</span></span>Second point</p>"
    )
    page.evaluate(
        """(html) => {
          const target = document.querySelector("#id_body_en").closest(".prose-editor")
            .querySelector(".ProseMirror[contenteditable]");
          const data = new DataTransfer();
          data.setData("text/html", html);
          data.setData("text/plain", "pasted");
          target.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                             cancelable: true}));
        }""",
        WORD + word_list,
    )
    value = page.eval_on_selector("#id_body_en", "t => t.value")
    assert "<h2>Muzokaralar natijalari</h2>" in value
    assert "<strong>savdo</strong>" in value and "<em>transport</em>" in value
    assert '<a rel="noopener noreferrer" href="https://mfa.uz/">mfa.uz</a>' in value
    assert "<ul><li><p>suv resurslari</p></li><li><p>energetika</p></li></ul>" in value
    numbered = "<li><p>First point</p></li><li><p>Second point</p></li>"
    assert f'<ol data-type="decimal">{numbered}</ol>' in value
    assert "<table>" in value and "<p>2024</p>" in value
    for junk in ("style", "class", "span", "mso", "<!--", "script", "alert", "1."):
        assert junk not in value, junk


@pytest.fixture
def same_browser(browser):
    """One context (one profile: cookies and localStorage) for pages opened one after another."""
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(15_000)
    yield context
    leave_quietly(context)
    context.close()


def test_a_lost_tab_loses_nothing(live_server, admin_user, same_browser, shot):
    add = "/en/admin/press/release/add/"
    page = same_browser.new_page()
    sign_in(page, live_server, "en", admin_user.username, add)
    show_tab(page, "id_title_en")
    page.fill("#id_title_en", "Foreign ministers met in Tashkent")
    assert page.inner_text("#id_title_en_counter") == "33 of about 65 characters"
    show_tab(page, "id_body_en")
    editor_of(page, "id_body_en").click()
    page.keyboard.type("The ministers discussed trade.")
    page.fill("#id_event_date", "25.11.2026")
    page.wait_for_timeout(700)  # kept 0.4 s after the last keystroke
    page.close()  # the tab is lost: nothing reached the server
    assert Release.objects.count() == 0

    page = same_browser.new_page()
    page.goto(f"{live_server.url}{add}")
    banner = page.locator(".press-draft-banner")
    assert "was kept in this browser" in banner.inner_text()
    assert page.input_value("#id_title_en") == ""  # never restored without asking
    shot(page, "offered")
    page.get_by_role("button", name="Restore").click()
    assert page.input_value("#id_title_en") == "Foreign ministers met in Tashkent"
    assert page.input_value("#id_event_date") == "25.11.2026"
    assert "The ministers discussed trade." in editor_of(page, "id_body_en").inner_text()
    assert page.eval_on_selector("#id_body_en", "t => t.value") == (
        "<p>The ministers discussed trade.</p>"
    )
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    release = Release.objects.get()
    assert release.title_en == "Foreign ministers met in Tashkent"
    assert release.body_en == "<p>The ministers discussed trade.</p>"
    # Saved: the kept draft is forgotten, on the release's page and on a new form.
    assert page.locator(".press-draft-banner").count() == 0
    page.goto(f"{live_server.url}{add}")
    page.wait_for_load_state("networkidle")
    assert page.locator(".press-draft-banner").count() == 0
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('press-draft:'))")
    assert kept == []


def test_discarding_a_kept_draft(live_server, admin_user, same_browser):
    add = "/en/admin/press/release/add/"
    page = same_browser.new_page()
    sign_in(page, live_server, "en", admin_user.username, add)
    show_tab(page, "id_title_en")
    page.fill("#id_title_en", "Not needed")
    page.wait_for_timeout(700)
    page.close()
    page = same_browser.new_page()
    page.goto(f"{live_server.url}{add}")
    page.get_by_role("button", name="Discard").click()
    assert page.locator(".press-draft-banner").count() == 0
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator(".press-draft-banner").count() == 0
    assert page.input_value("#id_title_en") == ""


def test_a_restored_draft_still_meets_the_optimistic_lock(
    live_server, admin_user, same_browser, release_factory
):
    """Restoring brings back the version the draft was written from: if someone saved the
    release meanwhile, the save is refused and both versions are shown side by side."""
    from press import services

    release = release_factory(title="Briefing", status="draft", published_at=None)
    change = f"/en/admin/press/release/{release.pk}/change/"
    page = same_browser.new_page()
    sign_in(page, live_server, "en", admin_user.username, change)
    show_tab(page, "id_title_en")
    page.fill("#id_title_en", "My unsaved title")
    page.wait_for_timeout(700)
    page.close()
    # Closing the tab of a release being edited sends the presence beacon (static/js/
    # admin-presence.js); the colleague's save below waits until the server has answered
    # it, or SQLite refuses the write ("database table is locked", seen once under load).
    leave_quietly(same_browser)

    # Meanwhile a colleague saves the release.
    release.refresh_from_db()
    release.title_en = "Colleague's title"
    services.release_save(release=release, user=admin_user, version=release.version)

    page = same_browser.new_page()
    page.goto(f"{live_server.url}{change}")
    assert page.input_value("#id_title_en") == "Colleague's title"
    page.get_by_role("button", name="Restore").click()
    assert page.input_value("#id_title_en") == "My unsaved title"
    page.click("input[name=_continue]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#conflict").is_visible()
    release.refresh_from_db()
    assert release.title_en == "Colleague's title"  # nothing overwritten
