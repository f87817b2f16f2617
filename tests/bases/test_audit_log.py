"""Membership, role and visibility changes are in Wagtail's audit log, readable in the page history."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from bases import membership
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_membership_and_visibility_changes_appear_in_the_page_history(team, superuser):
    base, admin = team["bases"]["public"], team["admin"]
    newcomer = factories.contributor(first_name="Nina", last_name="Nouvelle")
    membership.invite(base, "nina@exemple.fr", "member", by=admin)
    membership.join(base, newcomer, "member", by=admin)
    membership.change_role(base, newcomer, "admin", by=admin)
    membership.remove(base, newcomer, by=admin)
    base.is_public = False
    base.save_revision(user=admin).publish(user=admin)

    actions = list(
        PageLogEntry.objects.filter(page=base, action__startswith="lesbases.").values_list(
            "action", flat=True
        )
    )
    assert set(actions) >= {
        "lesbases.member_invited",
        "lesbases.member_added",
        "lesbases.role_changed",
        "lesbases.member_removed",
        "lesbases.visibility_changed",
    }
    history = (
        client_for(superuser).get(reverse("wagtailadmin_pages:history", args=(base.pk,))).content.decode()
    )
    for message in (
        "Invitation envoyée à nina@exemple.fr (Membre)",
        "Nina Nouvelle a rejoint la base comme Membre",
        "Nina Nouvelle est désormais Administrateur",
        "Nina Nouvelle a été retiré(e) de la base",
        "Base rendue privée",
    ):
        assert message in history
