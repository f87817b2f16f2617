"""An account's deletion never leaves a base without an admin: its oldest other member becomes admin,
or, with nobody left, the platform admins are told."""

import pytest
from django.core import mail
from wagtail.models import PageLogEntry

from accounts.lifecycle import delete_account
from bases.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_oldest_member_takes_over_and_an_empty_base_is_flagged(django_capture_on_commit_callbacks):
    leaving, oldest, newest = factories.contributor(), factories.contributor(), factories.contributor()
    platform_admin = factories.superuser()
    shared = factories.base(owner=leaving, members=[oldest, newest])
    alone = factories.base(owner=leaving, title="Base solitaire")
    leaving_address = leaving.email
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(leaving)

    assert Membership.objects.get(base=shared, user=oldest).role == Membership.Role.ADMIN
    assert Membership.objects.get(base=shared, user=newest).role == Membership.Role.MEMBER
    assert shared.viewer_role(oldest)["is_admin"]
    assert not alone.memberships.exists()
    assert PageLogEntry.objects.filter(page=alone, action="lesbases.base_without_admin").exists()
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {oldest.email, platform_admin.email, leaving_address}
    assert "vous en êtes désormais administrateur" in by_recipient[oldest.email].body
    assert by_recipient[platform_admin.email].subject == "La base Base solitaire n'a plus d'administrateur"
    farewell = by_recipient[leaving_address]
    assert farewell.subject == "Votre compte Les Bases est supprimé" and farewell.body.startswith("Bonjour")
