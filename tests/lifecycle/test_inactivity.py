"""Inactive accounts: warned at 305, 335 and 350 days without a sign-in, deleted at 365, each by
e-mail, never twice the same warning; on a clock the test controls."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts import inactivity
from accounts.models import User
from tests import factories

pytestmark = pytest.mark.django_db


def days_later(start, days):
    return start + timedelta(days=days)


def test_the_schedule_warns_three_times_then_deletes(django_capture_on_commit_callbacks):
    start = timezone.now()
    sleeper = factories.contributor(first_name="Léa", last_login=start)
    regular = factories.contributor(last_login=start)
    address = sleeper.email
    mail.outbox.clear()

    def run_on(day):
        with django_capture_on_commit_callbacks(execute=True):
            return inactivity.run(now=days_later(start, day))

    assert run_on(304).warned == {305: 0, 335: 0, 350: 0}
    regular.last_login = days_later(start, 300)
    regular.save()
    for day, days_left in ((305, 60), (335, 30), (350, 15)):
        run_on(day)
        run_on(day)  # the same day again: nothing more
        (warning,) = mail.outbox
        assert warning.to == [address] and warning.body.startswith("Bonjour Léa,")
        assert warning.subject == f"Votre compte Les Bases sera supprimé dans {days_left} jours"
        mail.outbox.clear()

    assert run_on(364).deleted == 0
    outcome = run_on(365)
    assert outcome.deleted == 1
    sleeper.refresh_from_db()
    assert not sleeper.is_active and sleeper.email.endswith(".invalid")
    (farewell,) = mail.outbox
    assert farewell.to == [address] and "depuis un an" in farewell.body
    assert User.objects.get(pk=regular.pk).is_active
    assert run_on(366).deleted == 0


def test_a_long_inactive_account_gets_its_last_warning_and_fifteen_days(django_capture_on_commit_callbacks):
    start = timezone.now()
    imported = factories.contributor(last_login=start - timedelta(days=800))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        outcome = inactivity.run(now=start)
    assert outcome.warned[350] == 1 and outcome.deleted == 0
    assert "dans 15 jours" in mail.outbox[0].subject
    assert inactivity.run(now=days_later(start, 14)).deleted == 0
    assert inactivity.run(now=days_later(start, 15)).deleted == 1
    imported.refresh_from_db()
    assert not imported.is_active


def test_signing_in_starts_the_count_again(client):
    start = timezone.now()
    user = factories.contributor(last_login=start - timedelta(days=340))
    inactivity.run(now=start)
    user.refresh_from_db()
    assert user.inactivity_warned_at_day == 335

    client.force_login(user)
    user.refresh_from_db()
    assert (user.inactivity_warned_at_day, user.inactivity_warned_at) == (0, None)


def test_the_daily_command_says_what_it_did(capsys):
    call_command("close_inactive_accounts")
    assert "Comptes supprimés : 0." in capsys.readouterr().out
