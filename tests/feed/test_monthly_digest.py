"""The monthly digest: to readers who asked for it, the resources published last month in what they
follow and may read; once per reader and month however often the job runs; none when there is nothing
to say; a signed one-click unsubscribe link that works without signing in."""

import json
from datetime import datetime
from pathlib import Path
from smtplib import SMTPException
from zoneinfo import ZoneInfo

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.core.signing import Signer
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.lifecycle import delete_account
from community import digest
from community.models import DigestSent, FeedPreferences
from resources.models import ResourcePage
from tests import factories

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2030, 3, 2, 7, 37, tzinfo=PARIS)
FEBRUARY = datetime(2030, 2, 1).date()
PER_READER = 8


def dated(resource, moment: datetime) -> None:
    ResourcePage.objects.filter(pk=resource.pk).update(first_published_at=moment, last_published_at=moment)


@pytest.fixture(scope="module")
def module_digest_world(module_feed_world):
    """The feed's world in February 2030, the first hour of the month included; the theme's resource
    in January. The reader, a reader who follows nothing and an inactive one ask for the digest."""
    world = module_feed_world
    for number, resource in enumerate([*world.shown.values(), *world.hidden.values()]):
        dated(resource, datetime(2030, 2, 1 + number, tzinfo=PARIS))
    dated(world.shown["base"], datetime(2030, 2, 1, 0, 5, tzinfo=PARIS))
    dated(world.shown["theme"], datetime(2030, 1, 31, 23, 55, tzinfo=PARIS))
    FeedPreferences.objects.filter(user=world.reader).update(monthly_digest=True)
    world.quiet = factories.contributor(first_name="Quentin")
    FeedPreferences.objects.create(user=world.quiet, monthly_digest=True, onboarded_at=NOW)
    gone = factories.contributor(is_active=False)
    FeedPreferences.objects.create(user=gone, monthly_digest=True, themes=["accessibilite"], onboarded_at=NOW)
    FeedPreferences.objects.create(user=world.insider, monthly_digest=False, themes=["accessibilite"])
    return world


@pytest.fixture
def world(db, module_digest_world):
    return module_digest_world


def test_the_digest_tells_what_was_published_last_month_in_what_the_reader_follows(world, mailoutbox):
    outcome = digest.run(now=NOW)

    assert (outcome.sent, outcome.nothing_to_say, outcome.failed) == (1, 1, 0)
    [message] = mailoutbox
    assert message.to == [world.reader.email]
    assert message.subject == "Votre résumé Les Bases de février 2030"
    assert message.body.startswith("Bonjour Rita,")
    expected = [world.shown[key] for key in ("sector", "profile", "base")]
    for resource in expected:
        assert f"{resource.title}" in message.body
        assert f"http://localhost{resource.url}" in message.body
    for resource in [world.shown["theme"], *world.hidden.values()]:
        assert resource.title not in message.body
    assert "les 3 nouvelles ressources publiées en février 2030" in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and ">Bonjour Rita,<" in html
    assert f'href="http://localhost{expected[0].url}"' in html
    unsubscribe = digest.unsubscribe_url(world.reader)
    assert unsubscribe.startswith("http://localhost/fil-d-actualite/resume-mensuel/desabonnement/")
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body and unsubscribe in html
    assert DigestSent.objects.get(user=world.reader, month=FEBRUARY).resources_count == 3


def test_nobody_gets_the_same_month_twice_and_runs_again_are_safe(world, mailoutbox):
    digest.run(now=NOW)
    again = digest.run(now=NOW.replace(day=3))

    assert (again.sent, again.nothing_to_say) == (0, 0)
    assert len(mailoutbox) == 1
    assert DigestSent.objects.filter(month=FEBRUARY).count() == 2  # the reader, and the one with nothing
    march = digest.run(now=datetime(2030, 4, 1, 7, tzinfo=PARIS))
    assert (march.sent, march.nothing_to_say) == (0, 2) and len(mailoutbox) == 1


def test_only_active_readers_who_asked_for_it_are_considered(world, mailoutbox):
    digest.run(now=NOW)
    decided = set(DigestSent.objects.values_list("user", flat=True))
    assert decided == {world.reader.pk, world.quiet.pk}
    assert [message.to for message in mailoutbox] == [[world.reader.email]]


def test_a_digest_that_could_not_be_sent_is_tried_again(world, mailoutbox, monkeypatch):
    def refused(message):
        raise SMTPException("serveur indisponible")

    with monkeypatch.context() as patch:
        patch.setattr(EmailMultiAlternatives, "send", refused)
        assert digest.run(now=NOW).failed == 1
    assert not DigestSent.objects.filter(user=world.reader).exists()
    assert digest.run(now=NOW).sent == 1 and len(mailoutbox) == 1


def test_the_queries_grow_with_the_readers_not_with_their_resources(world, mailoutbox):
    with CaptureQueriesContext(connection) as one_batch:
        digest.run(now=NOW)
    FeedPreferences.objects.bulk_create(
        FeedPreferences(user=factories.contributor(), monthly_digest=True, themes=["accessibilite"])
        for _ in range(3)
    )
    with CaptureQueriesContext(connection) as three_more:
        digest.run(now=NOW)
    # Per run: the month's resources, the batch, the empty one that ends the run, the site's root paths
    # for the links; then a fixed number per reader: their resources, the record with its savepoints.
    assert len(mailoutbox) == 4
    assert len(three_more) <= 4 + 3 * PER_READER, [query["sql"] for query in three_more]
    assert len(one_batch) <= 4 + 2 * PER_READER  # the reader with three resources, and one with none


def test_the_unsubscribe_link_turns_the_digest_off_without_signing_in(world):
    url = digest.unsubscribe_url(world.reader).removeprefix("http://localhost")
    mail_client = Client(enforce_csrf_checks=True)

    page = mail_client.get(url)
    assert page.status_code == 200 and "Confirmer le désabonnement" in page.content.decode()
    assert FeedPreferences.objects.get(user=world.reader).monthly_digest

    done = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert done.status_code == 200 and "vous ne recevrez plus le résumé mensuel" in done.content.decode()
    assert not FeedPreferences.objects.get(user=world.reader).monthly_digest


@pytest.mark.parametrize("token", ["forged", "reader_with_another_salt", "reader_tampered"])
def test_an_unsigned_or_altered_link_changes_nothing(world, token):
    tokens = {
        "forged": str(world.reader.pk),
        "reader_with_another_salt": Signer(salt="autre").sign(str(world.reader.pk)),
        "reader_tampered": digest.unsubscribe_url(world.reader).rstrip("/")[:-2] + "xx",
    }
    token = tokens[token].rsplit("/", 1)[-1]
    response = Client().post(f"/fil-d-actualite/resume-mensuel/desabonnement/{token}/")
    assert response.status_code == 400 and "pas valide" in response.content.decode()
    assert FeedPreferences.objects.get(user=world.reader).monthly_digest


def test_the_job_is_scheduled_and_speaks_french(world, mailoutbox, capsys):
    jobs = json.loads(Path("infra/cron.json").read_text())["jobs"]
    assert any(job["command"].endswith("python manage.py send_monthly_digest") for job in jobs)
    call_command("send_monthly_digest")
    assert "Résumés envoyés" in capsys.readouterr().out


def test_a_deleted_account_keeps_no_preferences_and_gets_no_digest(world, mailoutbox):
    delete_account(world.reader, why=None)
    assert not FeedPreferences.objects.filter(user=world.reader).exists()
    assert digest.run(now=NOW).sent == 0 and mailoutbox == []
