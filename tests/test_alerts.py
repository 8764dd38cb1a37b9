"""Readers' e-mail alerts, as a reader meets them: the "Get e-mails" links, the signup form
with its double opt-in and rate limits, the manage page and one-click unsubscribe.

Mail goes through a real SMTP server on loopback (the ``smtp_server`` fixture); tasks run at
once (django-tasks' immediate backend) after each commit."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from press import services
from press.models import Frequency, Occasion, Subscriber, Subscription
from tests.support import html_part, text_part

READER = "jurnalist@example.com"


@pytest.fixture(autouse=True)
def _alert_settings(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PRESS_SITE_URL = "https://press.example.org"


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def link_after(text: str, label: str) -> str:
    """The address that follows ``label`` in a plain-text message."""
    found = re.search(re.escape(label) + r":? (https://\S+)", text)
    assert found, f"no {label!r} link in {text!r}"
    return found.group(1)


def signup(client, url, email=READER, language="ru", frequency="immediately", **extra):
    data = {"email": email, "language": language, "frequency": frequency, **extra}
    return client.post(url, data, REMOTE_ADDR=extra.pop("ip", "203.0.113.7"))


def confirm_from(sink, client, address=READER):
    """Follow the confirmation link of the newest e-mail to ``address``: the page, then its
    button."""
    confirmation = sink.to(address)[-1]
    url = link_after(text_part(confirmation), "Подтвердить рассылку")
    page = client.get(path_of(url))
    assert "Подтвердить рассылку" in page.content.decode()
    return client.post(path_of(url))


# --- Where a reader finds it ------------------------------------------------------------------


def test_get_emails_sits_beside_the_feeds_and_keeps_the_pages_filter(
    client, uzbekistan, trade, release_factory
):
    release_factory(countries=[uzbekistan], topics=[trade])
    page = client.get("/ru/countries/uzbekistan/?kind=meeting").content.decode()
    assert 'href="/ru/alerts/?country=UZ&amp;kind=meeting">Получать письма</a>' in page
    listing = client.get("/en/press/?topic=trade").content.decode()
    assert 'href="/en/alerts/?topic=trade">Get e-mails</a>' in listing
    whole = client.get("/uz/press/").content.decode()
    assert 'href="/uz/alerts/">' in whole


def test_get_emails_about_this_release_on_its_page(client, release_factory):
    release = release_factory(title="Talks")
    page = client.get(f"/ru/press/{release.slug}/").content.decode()
    assert f'href="/ru/alerts/?release={release.slug}">Получать письма об этом релизе</a>' in page
    form = client.get(f"/ru/alerts/?release={release.slug}").content.decode()
    assert "Обновления релиза «Talks [ru]»" in form
    assert 'name="frequency"' not in form  # updates go out when they happen


def test_the_release_page_has_one_follow_block_with_emails_first(client, release_factory):
    release = release_factory(title="Talks")
    page = client.get(f"/en/press/{release.slug}/").content.decode()
    follow = page.split('<section class="follow"', 1)[1].split("</section>", 1)[0]
    links = re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', follow)
    assert links[0] == (f"/en/alerts/?release={release.slug}", "Get e-mails about this release")
    assert [url for url, _words in links[1:]] == ["/en/press/feed.rss", "/en/press/feed.atom"]
    assert "corrected or withdrawn" in follow
    assert page.count('<section class="follow"') == 1


def test_an_event_hub_offers_emails_about_that_event(client, release_factory):
    summit = Occasion.objects.create(
        slug="sco-council", name_en="SCO Council", name_ru="Совет ШОС",
        starts_on=datetime.date(2026, 11, 3), ends_on=datetime.date(2026, 11, 4),
    )  # fmt: skip
    release_factory(title="Council", occasions=[summit])
    hub = client.get("/en/events/sco-council/").content.decode()
    assert 'href="/en/alerts/?event=sco-council">Get e-mails</a>' in hub
    form = client.get("/ru/alerts/?event=sco-council").content.decode()
    assert "Совет ШОС" in form


def test_dates_typed_in_the_finders_boxes_are_kept_by_the_subscription_link(client, db):
    page = client.get(
        "/en/press/?date_from_day=1&date_from_month=11&date_from_year=2026"
    ).content.decode()
    assert 'href="/en/alerts/?date_from=2026-11-01">Get e-mails</a>' in page


# --- Double opt-in ----------------------------------------------------------------------------


def test_signing_up_sends_only_a_confirmation_until_it_is_followed(
    client,
    smtp_server,
    uzbekistan,
    kyrgyzstan,
    editor,
    draft_factory,
    django_capture_on_commit_callbacks,
):
    form = client.get("/ru/alerts/?country=UZ").content.decode()
    assert "Страны и организации: Узбекистан" in form  # the filter in words
    assert 'value="ru" selected' in form  # the page's language by default
    with django_capture_on_commit_callbacks(execute=True):
        answer = signup(client, "/ru/alerts/?country=UZ")
    assert answer.status_code == 200
    assert "Проверьте почту" in answer.content.decode()
    stored = Subscription.objects.get(subscriber__email=READER)
    assert (stored.query, stored.language, stored.frequency) == ("country=UZ", "ru", "immediately")
    assert stored.confirmed_at is None
    [confirmation] = smtp_server.to(READER)
    assert confirmation["Subject"].strip() == "Подтвердите рассылку: Министерство иностранных дел"
    assert "Страны и организации: Узбекистан" in text_part(confirmation)

    # A matching release before confirmation: nothing for the reader.
    release = draft_factory(title="Before", countries=[uzbekistan])
    with django_capture_on_commit_callbacks(execute=True):
        services.release_publish(release=release, user=editor, force_reason="urgent")
    assert len(smtp_server.to(READER)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        done = confirm_from(smtp_server, client)
    assert "Рассылка подтверждена" in done.content.decode()
    assert Subscription.objects.get(pk=stored.pk).confirmed_at is not None

    after = draft_factory(title="After", countries=[uzbekistan])
    elsewhere = draft_factory(title="Elsewhere", countries=[kyrgyzstan])
    with django_capture_on_commit_callbacks(execute=True):
        services.release_publish(release=after, user=editor, force_reason="urgent")
        services.release_publish(release=elsewhere, user=editor, force_reason="urgent")
    alerts = smtp_server.to(READER)[1:]
    assert [m["Subject"].strip() for m in alerts] == ["Новый релиз: After [ru]"]
    assert f"https://press.example.org/ru/press/{after.slug}/" in text_part(alerts[0])


def test_the_answer_and_the_email_tell_nothing_about_an_address_already_subscribed(
    client, smtp_server, uzbekistan, django_capture_on_commit_callbacks
):
    def attempt():
        with django_capture_on_commit_callbacks(execute=True):
            answer = signup(Client(), "/ru/alerts/?country=UZ")
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", answer.content.decode())
        message = smtp_server.to(READER)[-1]
        words = re.sub(r"https://\S+", "LINK", text_part(message))
        return answer.status_code, page, message["Subject"], words

    unknown = attempt()
    with django_capture_on_commit_callbacks(execute=True):
        confirm_from(smtp_server, client)
    known = attempt()
    assert known == unknown
    # Both asked the same: one confirmed subscription and one waiting to be confirmed.
    rows = Subscription.objects.filter(subscriber__email=READER)
    assert sorted(row.confirmed_at is None for row in rows) == [False, True]


# --- Rate limits ------------------------------------------------------------------------------


def test_too_many_signups_for_one_address_answer_429_keeping_what_was_typed(
    db, client, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.PRESS_ALERTS_SIGNUPS_PER_ADDRESS = 2
    with django_capture_on_commit_callbacks(execute=True):
        for ip in ("203.0.113.1", "203.0.113.2"):
            assert signup(client, "/ru/alerts/", ip=ip).status_code == 200
        refused = signup(client, "/ru/alerts/", frequency="weekly", ip="203.0.113.3")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Слишком много подписок" in page
    assert f'value="{READER}"' in page and re.search(r'value="weekly"[^>]* checked>', page)
    assert len(smtp_server.to(READER)) == 2
    assert not Subscription.objects.filter(frequency=Frequency.WEEKLY).exists()


def test_too_many_signups_from_one_client_answer_429(
    db, client, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.PRESS_ALERTS_SIGNUPS_PER_CLIENT = 2
    with django_capture_on_commit_callbacks(execute=True):
        codes = [
            signup(client, "/en/alerts/", email=f"r{n}@example.com", language="en").status_code
            for n in range(3)
        ]
    assert codes == [200, 200, 429]
    assert smtp_server.recipients() == ["r0@example.com", "r1@example.com"]
    assert not Subscriber.objects.filter(email="r2@example.com").exists()


# --- Managing and unsubscribing ---------------------------------------------------------------


@pytest.fixture
def subscribed(client, smtp_server, uzbekistan, trade, django_capture_on_commit_callbacks):
    """The reader, confirmed to Uzbekistan (immediately) and to trade (daily)."""
    for url, frequency in (
        ("/ru/alerts/?country=UZ", "immediately"),
        ("/ru/alerts/?topic=trade", "daily"),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            signup(client, url, frequency=frequency)
        with django_capture_on_commit_callbacks(execute=True):
            confirm_from(smtp_server, client)
    return Subscriber.objects.get(email=READER)


def test_the_manage_page_lists_changes_and_deletes_subscriptions(
    client,
    subscribed,
    smtp_server,
    editor,
    draft_factory,
    uzbekistan,
    django_capture_on_commit_callbacks,
):
    release = draft_factory(title="Visit", countries=[uzbekistan])
    with django_capture_on_commit_callbacks(execute=True):
        services.release_publish(release=release, user=editor, force_reason="urgent")
    alert = smtp_server.to(READER)[-1]
    manage = path_of(link_after(text_part(alert), "Управлять рассылкой"))
    page = Client().get(manage).content.decode()
    assert READER in page
    assert "Страны и организации: Узбекистан" in page and "Темы: Торговля" in page
    uz, trade_row = subscribed.subscriptions.order_by("pk")

    manager = Client()
    manager.get(manage)
    changed = manager.post(
        manage,
        {"action": "change", "subscription": uz.pk, "language": "en", "frequency": "weekly"},
    )
    assert "Изменения сохранены" in changed.content.decode()
    uz.refresh_from_db()
    assert (uz.language, uz.frequency) == ("en", "weekly")

    manager.post(manage, {"action": "delete", "subscription": trade_row.pk})
    assert list(subscribed.subscriptions.values_list("pk", flat=True)) == [uz.pk]
    gone = manager.post(manage, {"action": "delete-all"})
    assert "Вы отписаны" in gone.content.decode()
    assert not Subscriber.objects.filter(email=READER).exists()
    assert "Эта ссылка не работает" in Client().get(manage).content.decode()


def test_one_click_unsubscribe_needs_no_token_nor_cookie_and_deletes_the_address(
    subscribed, smtp_server, editor, draft_factory, uzbekistan, django_capture_on_commit_callbacks
):
    subscribed.subscriptions.filter(query="topic=trade").delete()
    release = draft_factory(title="Visit", countries=[uzbekistan])
    with django_capture_on_commit_callbacks(execute=True):
        services.release_publish(release=release, user=editor, force_reason="urgent")
    alert = smtp_server.to(READER)[-1]
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = re.fullmatch(
        r"<(https://press\.example\.org/ru/alerts/unsubscribe/[^>]+/)>",
        alert["List-Unsubscribe"].strip(),  # folded: the line is long
    )
    assert header, alert["List-Unsubscribe"]
    url = path_of(header.group(1))
    assert link_after(text_part(alert), "Отписаться") == header.group(1)
    assert header.group(1) in html_part(alert)

    # What a mail client sends: no CSRF token, no cookie.
    mail_client = Client(enforce_csrf_checks=True)
    answer = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert answer.status_code == 200 and "Вы отписаны" in answer.content.decode()
    assert not Subscriber.objects.filter(email=READER).exists()
    again = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert again.status_code == 200
    page = Client().get(url).content.decode()
    assert "Эта подписка больше не существует" in page


def test_the_unsubscribe_page_asks_with_a_button_before_anything_changes(subscribed):
    from press.services.alert_mail import UNSUBSCRIBE_SALT, token_for

    row = subscribed.subscriptions.get(query="country=UZ")
    page = Client().get(f"/ru/alerts/unsubscribe/{token_for(row.pk, UNSUBSCRIBE_SALT)}/")
    text = page.content.decode()
    assert "Страны и организации: Узбекистан" in text and '<button type="submit">Отписаться' in text
    assert Subscription.objects.filter(pk=row.pk).exists()


def test_bad_filters_and_forged_links_are_refused_in_the_readers_language(client, db):
    bad = client.get("/ru/alerts/?country=XX")
    assert bad.status_code == 400 and "Некоторые параметры фильтра" in bad.content.decode()
    forged = client.get("/ru/alerts/manage/1:forged/")
    assert forged.status_code == 404 and "Эта ссылка не работает" in forged.content.decode()
    assert client.get("/ru/alerts/?release=no-such-release").status_code == 404


def test_opening_the_confirmation_link_confirms_nothing_until_the_button(
    client, smtp_server, uzbekistan, django_capture_on_commit_callbacks
):
    """A mail scanner that opens every link must not subscribe anyone."""
    with django_capture_on_commit_callbacks(execute=True):
        signup(client, "/ru/alerts/?country=UZ")
    url = path_of(link_after(text_part(smtp_server.to(READER)[0]), "Подтвердить рассылку"))
    Client().get(url)
    Client().head(url)
    assert Subscription.objects.get(subscriber__email=READER).confirmed_at is None
    Client().post(url)
    assert Subscription.objects.get(subscriber__email=READER).confirmed_at is not None
