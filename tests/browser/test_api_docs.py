"""The API's browsable docs (Swagger UI) in Chromium: drawn from our own static files,
under the site's content security policy, with nothing fetched from another origin."""

import pytest

from tests.support import make_release

pytestmark = pytest.mark.browser


def test_the_api_docs_work_under_the_csp_from_our_own_files(live_server, open_page, shot, db):
    make_release()
    page = open_page(viewport={"width": 1280, "height": 900})
    problems, origins = [], set()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda r: origins.add(r.url.split("/")[2]))
    page.goto(f"{live_server.url}/api/v1/docs")
    page.locator(".opblock-summary-path", has_text="/api/v1/releases").first.wait_for()
    # A visitor can try an operation: the schema's own example request, answered by the API.
    page.locator(".opblock-summary", has_text="/api/v1/countries").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    page.locator(".response .microlight", has_text="[").first.wait_for()
    shot(page, "api-docs")
    assert problems == []
    assert origins == {live_server.url.split("/")[2]}
