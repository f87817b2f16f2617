"""Reports e-mail the moderators: each account may send a limited number an hour. Past it, a French
message says when to try again, and nothing is sent or saved."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import MODERATORS_GROUP
from resources.models import Report
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.RATE_LIMITS_PER_HOUR = {**settings.RATE_LIMITS_PER_HOUR, "report": 2}


def test_reports_past_the_hourly_limit_are_not_sent(limits, mailoutbox):
    factories.contributor().groups.add(Group.objects.get(name=MODERATORS_GROUP))
    resources = [factories.resource() for _ in range(3)]
    client = client_for(factories.contributor())
    report = {"reason": "obsolete", "description": "Le lien ne fonctionne plus."}
    for resource in resources[:2]:
        client.post(reverse("resources:report", args=[resource.pk]), report)
    sent = len(mailoutbox)

    response = client.post(reverse("resources:report", args=[resources[2].pk]), report)

    html = response.content.decode()
    assert response.status_code == 200 and "limitée à 2 par heure : rien n&#x27;a été envoyé" in html
    assert "Le lien ne fonctionne plus." in html, "the description written is kept in the form"
    assert len(mailoutbox) == sent and not Report.objects.filter(resource=resources[2]).exists()
