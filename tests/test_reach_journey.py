"""Issue #18's "Done when", as one journey through real parts: a journalist signs up on a
country page in Russian and confirms; the next matching release is published with a photo
and leaves through the task queue (a real `db_worker` over the database backend) as one
Russian e-mail to a real SMTP server on loopback and as a post on the Russian Telegram
channel (a Bot API on loopback that checks each request); one click unsubscribes; and the
public API reads the release as its page shows it."""

import html
import re
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from press import services
from press.models import Photo, Subscriber, Subscription, TelegramPost
from tests.bot_api import TOKEN, BotAPI
from tests.support import DATABASE_TASKS, jpeg, make_release, run_worker, text_part

# The worker commits as in production: the test's rows must be committed too.
pytestmark = pytest.mark.django_db(transaction=True)

JOURNALIST = "jurnalist@example.com"


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def subjects(sink) -> list[str]:
    return [message["Subject"].strip() for message in sink.to(JOURNALIST)]


@pytest.fixture
def bot(settings):
    with BotAPI() as api:
        settings.TELEGRAM_API_URL = api.url
        settings.TELEGRAM_BOT_TOKEN = TOKEN
        settings.TELEGRAM_CHANNELS = {"ru": "@mfa_ru"}
        yield api


def test_a_journalist_follows_a_country_and_the_next_release_reaches_mail_telegram_and_api(
    settings, smtp_server, bot, kyrgyzstan, uzbekistan, editor
):
    settings.TASKS = DATABASE_TASKS
    settings.PRESS_SITE_URL = "https://press.example.org"
    journalist = Client()

    # Signs up from the country page in Russian: the link keeps the page's subject.
    page = journalist.get("/ru/countries/kyrgyzstan/").content.decode()
    signup = html.unescape(re.search(r'<a href="([^"]+)">Получать письма</a>', page)[1])
    assert signup == "/ru/alerts/?country=KG"
    form = journalist.get(signup).content.decode()
    assert "Кыргызстан" in form
    answer = journalist.post(
        signup, {"email": JOURNALIST, "language": "ru", "frequency": "immediately"}
    )
    assert answer.status_code == 200
    run_worker()
    # Only the confirmation until its link is followed.
    [subject] = subjects(smtp_server)
    assert subject.startswith("Подтвердите рассылку: ")
    confirmation = smtp_server.to(JOURNALIST)[0]
    link = re.search(r"Подтвердить рассылку:? (https://\S+)", text_part(confirmation))[1]
    journalist.post(path_of(link))
    [subscription] = Subscription.objects.filter(subscriber__email=JOURNALIST)
    assert subscription.confirmed_at is not None and subscription.query == "country=KG"

    # A release about another country is published: nothing for the journalist.
    elsewhere = make_release(
        title="Elsewhere", status="submitted", published_at=None, countries=[uzbekistan]
    )
    services.release_publish(release=elsewhere, user=editor, force_reason="urgent")
    # The matching one, with a photo, chosen for the Russian channel.
    release = make_release(
        title="Talks", status="submitted", published_at=None, countries=[kyrgyzstan]
    )
    release.telegram_languages = ["ru"]
    release.save()
    alts = {f"alt_{code}": "Delegations" for code in ("uz", "uz_cyrl", "ru", "en")}
    photo = Photo(release=release, is_lead=True, **alts)
    photo.image.save("talks.jpg", ContentFile(jpeg(1600, 1000)), save=False)
    photo.save()
    services.release_publish(release=release, user=editor, force_reason="urgent")
    run_worker()

    # One Russian e-mail about it, and nothing else.
    assert len(smtp_server.to(JOURNALIST)) == 2
    alert = smtp_server.to(JOURNALIST)[-1]
    assert alert["Subject"].strip() == "Новый релиз: Talks [ru]"
    assert f"https://press.example.org/ru/press/{release.slug}/" in text_part(alert)
    assert "Elsewhere" not in text_part(alert)

    # The same release on the Russian channel, with its photo; nothing of the other one.
    [post] = bot.calls("sendPhoto")
    assert post["fields"]["chat_id"] == "@mfa_ru"
    assert post["fields"]["caption"].startswith("<b>Talks [ru]</b>")
    assert post["files"]["photo"]["type"] == "image/jpeg"
    assert len(bot.requests) == 1
    stored = TelegramPost.objects.get(release=release, language="ru")
    assert stored.status == "posted" and stored.message_id == 101

    # One click in the mail client unsubscribes, and the address is gone.
    unsubscribe = re.fullmatch(r"<(https://[^>]+)>", alert["List-Unsubscribe"].strip())[1]
    mail_client = Client(enforce_csrf_checks=True)
    mail_client.post(
        path_of(unsubscribe),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert not Subscriber.objects.filter(email=JOURNALIST).exists()

    # An app reads it from the API exactly as the page shows it.
    api = journalist.get("/api/v1/releases", {"lang": "ru", "country": "KG"}).json()
    [item] = api["items"]
    shown = journalist.get(f"/ru/press/{release.slug}/").content.decode()
    assert item["title"] == "Talks [ru]" and "<h1>Talks [ru]</h1>" in shown
    assert item["url"] == f"http://testserver/ru/press/{release.slug}/"
