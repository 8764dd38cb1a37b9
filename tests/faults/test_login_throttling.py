"""Throttling keys on the real client behind the load balancer, never on a name alone."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

BALANCER = "10.0.0.2"  # every request reaches the app server from the balancer's address


@pytest.fixture
def chief(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.org", "right-pw")


def from_address(address: str) -> Client:
    """A browser behind the balancer, which appends the address it saw to X-Forwarded-For."""
    return Client(REMOTE_ADDR=BALANCER, headers={"x-forwarded-for": address})


def login(client, password, code="uz"):
    return client.post(
        f"/{code}/admin/login/",
        {"username": "chief", "password": password, "next": f"/{code}/admin/"},
    )


def test_an_attacker_hammering_a_name_does_not_lock_its_owner_out(chief, settings):
    settings.PRESS_TRUSTED_PROXIES = 1
    attacker = from_address("203.0.113.9")
    for _ in range(4):
        assert login(attacker, "guess").status_code == 200
    locked = login(attacker, "guess", code="uz-cyrl")
    assert locked.status_code == 429
    assert "Киришга муваффақиятсиз уринишлар жуда кўп" in locked.content.decode()
    # The attacker stays locked out, even with the right password…
    assert login(attacker, "right-pw").status_code == 429
    # …while the editor signs in from their own address through the same balancer.
    editor = from_address("198.51.100.7")
    assert login(editor, "right-pw").status_code == 302
    assert editor.get("/uz/admin/").status_code == 200


def test_a_forged_forwarded_address_does_not_escape_the_lockout(chief, settings):
    settings.PRESS_TRUSTED_PROXIES = 1
    for n in range(5):
        # The attacker writes an address of their own choosing; the balancer appends the
        # real one, and only that one, the last entry, is believed.
        client = Client(
            REMOTE_ADDR=BALANCER, headers={"x-forwarded-for": f"192.0.2.{n}, 203.0.113.9"}
        )
        login(client, "guess")
    again = Client(REMOTE_ADDR=BALANCER, headers={"x-forwarded-for": "192.0.2.99, 203.0.113.9"})
    assert login(again, "right-pw").status_code == 429


def test_without_trusted_proxies_the_header_is_ignored(chief, settings):
    settings.PRESS_TRUSTED_PROXIES = 0
    for n in range(5):
        login(
            Client(REMOTE_ADDR="203.0.113.9", headers={"x-forwarded-for": f"192.0.2.{n}"}), "guess"
        )
    blocked = Client(REMOTE_ADDR="203.0.113.9", headers={"x-forwarded-for": "192.0.2.200"})
    assert login(blocked, "right-pw").status_code == 429
    assert login(Client(REMOTE_ADDR="198.51.100.7"), "right-pw").status_code == 302
