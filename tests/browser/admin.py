"""What a person does in the admin in Chromium, shared by the browser tests: sign in, open a
language tab, type into the rich text editor, save."""

import re
from html import escape

from tests.support import PASSWORD


def sign_in(page, live_server, code, username, path, password=PASSWORD):
    """Sign in to the admin in language ``code`` and land on ``path``."""
    page.goto(f"{live_server.url}/{code}/admin/login/?next={path}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"**{path}")


def change_path(release, code):
    return f"/{code}/admin/press/release/{release.pk}/change/"


def show_tab(page, field):
    """modeltranslation's tab of one language of one field (``id_title_ru``)."""
    page.click(f'li[aria-controls="tab_{field}"] a')


def editor_of(page, field):
    """The rich text editor that stands for the textarea ``field``."""
    return page.locator(f"#{field}").locator("xpath=..").locator(".ProseMirror[contenteditable]")


def type_body(page, field, text):
    """Replace the whole text of the rich text editor of ``field`` with one paragraph."""
    _type_into_editor(page, field, ("Control+A",), text)


def add_paragraph(page, field, text):
    """Type a new last paragraph into the rich text editor of ``field``."""
    _type_into_editor(page, field, ("Control+End", "Enter"), text, at_end=True)


# The caret after the editor's last character, set in the page: a click lands where the
# pointer is, and a loaded machine could deliver Control+End before the editor had focus.
CARET_AT_END = """el => {
  const range = document.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""


def _type_into_editor(page, field, keys, text, at_end=False):
    """Click into the editor, press ``keys``, type ``text``; return once the form holds it
    (the textarea the form sends; with ``at_end``, as its last paragraph), so that a save
    never races the last keystrokes."""
    # Imported here: without playwright the browser fixture skips, this module must import.
    from playwright.sync_api import expect

    show_tab(page, field)
    editor = editor_of(page, field)
    editor.click()
    expect(editor).to_be_focused()
    if at_end:
        editor.evaluate(CARET_AT_END)
    for key in keys:
        page.keyboard.press(key)
    page.keyboard.type(text)
    typed = re.escape(escape(text, quote=False))
    expect(page.locator(f"#{field}")).to_have_value(
        re.compile(typed + r"</p>\s*$" if at_end else typed)
    )


def fill(page, field, text):
    """Open the tab of ``field`` and type ``text`` into it."""
    show_tab(page, field)
    page.fill(f"#{field}", text)


def save(page):
    """ "Save and continue editing", and wait for the page that answers."""
    page.click("input[name=_continue]")
    page.wait_for_load_state("networkidle")
