"""Every public page type in all four languages passes the Nu Html Checker (no errors)
and axe-core (no WCAG 2.1 A/AA violations).

The tools come from npm (package.json: vnu-jar, axe-core; `npm ci`); vnu needs Java.
Without them these tests skip and say so; .ci/run installs them, so CI always runs them.
"""

import json
import urllib.error
import urllib.request

import pytest
from django.utils import timezone

from press.models import Subscriber, Subscription
from press.services.alert_mail import MANAGE_SALT, UNSUBSCRIBE_SALT, token_for
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.judges import AXE, axe_violations, require_judges, vnu_errors

pytestmark = pytest.mark.browser

LANGUAGES = ["uz", "uz-cyrl", "ru", "en"]


def page_types(site):
    slug = site["full"].slug
    official = site["minister"].person.slug
    # A reader's confirmed subscription, for the pages its signed links open.
    reader, _ = Subscriber.objects.get_or_create(email="reader@example.com")
    subscription, _ = Subscription.objects.get_or_create(
        subscriber=reader,
        query="country=KG",
        language="ru",
        defaults={"confirmed_at": timezone.now()},
    )
    manage = token_for(reader.pk, MANAGE_SALT)
    unsubscribe = token_for(subscription.pk, UNSUBSCRIBE_SALT)
    return {
        "home": ("/{lang}/", 200),
        "list": ("/{lang}/press/", 200),
        "list-filtered": ("/{lang}/press/?country=KG&kind=visit&date_from=2022-01-01", 200),
        "list-invalid": ("/{lang}/press/?date_from=2022-02-30", 400),
        # The finder with chips and its heading in words; a date typed wrong in its boxes.
        "list-chosen": (
            "/{lang}/press/?country=KG&country=UZ&topic=trade&date_from_day=1"
            "&date_from_month=1&date_from_year=2022&date_to=2022-12-31&q=Bishkek",
            200,
        ),
        "list-invalid-parts": (
            "/{lang}/press/?date_to_day=31&date_to_month=2&date_to_year=22",
            400,
        ),
        "release": (f"/{{lang}}/press/{slug}/", 200),
        "search": ("/{lang}/search/?q=Tashkent", 200),
        "search-empty": ("/{lang}/search/", 200),
        "country": ("/{lang}/countries/kyrgyzstan/", 200),
        "topic": ("/{lang}/topics/trade/", 200),
        "official": (f"/{{lang}}/officials/{official}/", 200),
        "post": (f"/{{lang}}/posts/{site['minister'].post.slug}/", 200),
        "alerts-signup": ("/{lang}/alerts/?country=KG&kind=visit", 200),
        "alerts-release": (f"/{{lang}}/alerts/?release={slug}", 200),
        "alerts-manage": (f"/{{lang}}/alerts/manage/{manage}/", 200),
        "alerts-unsubscribe": (f"/{{lang}}/alerts/unsubscribe/{unsubscribe}/", 200),
        "not-found": ("/{lang}/no-such-page/", 404),
        "gone": (f"/{{lang}}/press/{site['gone'].slug}/", 410),
        "forbidden": ("/{lang}/test-errors/403/", 403),
        "server-error": ("/{lang}/test-errors/500/", 500),
    }


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture
def tools():
    require_judges()


def test_every_page_type_in_every_language_is_valid_and_accessible(
    tools, live_server, site, open_page, shot, settings, tmp_path
):
    settings.ROOT_URLCONF = "tests.browser.urls"
    pages = {
        f"{name}-{lang}": (path.format(lang=lang), status)
        for lang in LANGUAGES
        for name, (path, status) in page_types(site).items()
    }
    files, violations = [], {}
    assert_axe_finds_a_known_fault(open_page(PHONE))
    # axe is injected as an inline script, which the site's CSP rightly refuses.
    phone = open_page(PHONE, bypass_csp=True)
    desktop = open_page(DESKTOP, bypass_csp=True)
    for name, (path, expected) in pages.items():
        url = live_server.url + path
        status, body = fetch(url)
        assert status == expected, (name, status)
        html_file = tmp_path / f"{name}.html"
        html_file.write_bytes(body)
        files.append(html_file)

        page = desktop if name.startswith("release-") else phone
        page.goto(url)
        found = axe_violations(page)
        if found:
            violations[name] = found
        shot(page, name)

    errors = vnu_errors(files)
    assert not errors, json.dumps(errors, indent=1, ensure_ascii=False)
    assert not violations, json.dumps(violations, indent=1, ensure_ascii=False)


def assert_axe_finds_a_known_fault(page):
    """A check that passes everything proves nothing: axe must see an unlabelled input."""
    page.set_content('<html lang="en"><title>t</title><main><input type="text"></main></html>')
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {runOnly: ['wcag2a']})")
    assert "label" in {v["id"] for v in result["violations"]}
