"""What a member may have the site e-mail in an hour is limited: past the limit, a French message
says when to try again, and nothing is sent or saved."""

import pytest
from django.urls import reverse

from bases.models import Invitation, JoinRequest
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.RATE_LIMITS_PER_HOUR = {**settings.RATE_LIMITS_PER_HOUR, "base_invitation": 2, "join_request": 2}


def messages_of(response) -> str:
    return response.content.decode()


def invite(client, base, email, **extra):
    return client.post(
        reverse("bases:invite", args=(base.slug,)), {"email": email, "role": "member"}, **extra
    )


def test_invitations_past_the_hourly_limit_are_not_sent(team, limits, mailoutbox):
    base = team["bases"]["public"]
    client = client_for(team["admin"])
    for number in range(2):
        invite(client, base, f"n{number}@exemple.fr")

    response = invite(client, base, "n2@exemple.fr", follow=True)

    assert "limitée à 2 par heure : rien n&#x27;a été envoyé. Réessayez dans" in messages_of(response)
    assert len(mailoutbox) == 2 and not Invitation.objects.filter(email="n2@exemple.fr").exists()


def test_the_limit_is_each_members_own(team, limits, mailoutbox):
    base = team["bases"]["public"]
    for number in range(2):
        invite(client_for(team["admin"]), base, f"n{number}@exemple.fr")
    other_base = factories.base(title="Autre base", owner=factories.contributor())

    invite(client_for(other_base.owner), other_base, "n9@exemple.fr")

    assert mailoutbox[-1].to == ["n9@exemple.fr"]


def test_requests_to_join_past_the_hourly_limit_are_not_sent(limits, mailoutbox):
    candidate = factories.contributor()
    bases = [factories.base(title=f"Base {number}", owner=factories.contributor()) for number in range(3)]
    client = client_for(candidate)
    for base in bases[:2]:
        client.post(reverse("bases:request_to_join", args=(base.slug,)))
    sent = len(mailoutbox)

    response = client.post(reverse("bases:request_to_join", args=(bases[2].slug,)), follow=True)

    assert "limitée à 2 par heure" in messages_of(response)
    assert len(mailoutbox) == sent and not JoinRequest.objects.filter(base=bases[2]).exists()
