"""Behind Scalingo's router every request comes from the router's address: allauth's limits per
address count the visitor X-Forwarded-For names, and only when a trusted proxy wrote it."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ROUTER = "10.0.0.1"


@pytest.fixture(autouse=True)
def three_code_requests_per_address(settings):
    """allauth's real limit is 20 a minute per address: 3 keep the test short, the counting is the same."""
    settings.ACCOUNT_RATE_LIMITS = {"request_login_code": "3/m/ip"}


def ask_for_a_code(number: int, forwarded_for: str | None = None):
    headers = {"REMOTE_ADDR": ROUTER}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    # A new address each time: allauth also limits the codes sent to one address.
    return Client(**headers).post("/compte/login/code/", {"email": f"personne{number}@exemple.fr"})


def refused(response) -> bool:
    return response.status_code == 200 and "Trop de tentatives de connexion" in response.content.decode()


def test_two_visitors_behind_the_same_router_are_counted_apart(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first = [ask_for_a_code(number, "203.0.113.5") for number in range(4)]
    assert [refused(response) for response in first] == [False, False, False, True]

    assert not refused(ask_for_a_code(10, "203.0.113.6"))


def test_a_visitor_cannot_pass_for_another_by_writing_the_header_themselves(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(3):
        ask_for_a_code(number, "203.0.113.5")
    # The router appends the address it sees to whatever the visitor sent.
    assert refused(ask_for_a_code(10, "198.51.100.7, 203.0.113.5"))


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for number in range(3):
        ask_for_a_code(number, f"203.0.113.{number}")
    assert refused(ask_for_a_code(10, "198.51.100.7"))
