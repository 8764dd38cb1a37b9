"""What a person does in the admin in Chromium, shared by the browser tests: sign in, open a
language tab, type into the rich text editor, save."""

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
    show_tab(page, field)
    editor_of(page, field).click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def add_paragraph(page, field, text):
    """Type a new last paragraph into the rich text editor of ``field``."""
    show_tab(page, field)
    editor_of(page, field).click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(text)


def fill(page, field, text):
    """Open the tab of ``field`` and type ``text`` into it."""
    show_tab(page, field)
    page.fill(f"#{field}", text)


def save(page):
    """ "Save and continue editing", and wait for the page that answers."""
    page.click("input[name=_continue]")
    page.wait_for_load_state("networkidle")
