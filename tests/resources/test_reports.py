"""Reports: a signed-in user reports a public resource; the moderators hear of it and deal with it in
the admin, closing it with a private comment or unpublishing the resource."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry

from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP
from resources.models import Report
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

DESCRIPTION = "Le lien vers le formulaire de la CAF ne fonctionne plus."


def member_of(group_name, **fields):
    user = factories.contributor(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def report_url(resource):
    return reverse("resources:report", args=[resource.pk])


def open_report(resource, **fields):
    return Report.objects.create(
        resource=resource,
        reporter=fields.pop("reporter", None) or factories.contributor(),
        reason=fields.pop("reason", "obsolete"),
        description=fields.pop("description", DESCRIPTION),
        **fields,
    )


@pytest.fixture
def moderator(db):
    return member_of(MODERATORS_GROUP, email="moderatrice@example.org", first_name="Mona", last_name="Modère")


def test_a_signed_in_user_reports_a_public_resource_and_the_moderators_are_emailed(moderator):
    resource = factories.resource(title="Demander la prime d'activité")
    reporter = factories.contributor(first_name="Rémi", last_name="Signale")
    client = client_for(reporter)

    assert "Signaler cette ressource" in client.get(resource.url).content.decode()
    form = client.get(report_url(resource)).content.decode()
    assert "Le contenu est obsolète" in form and "C&#x27;est le doublon d&#x27;une autre ressource" in form
    response = client.post(
        report_url(resource), {"reason": "obsolete", "description": DESCRIPTION}, follow=True
    )

    report = Report.objects.get()
    assert (report.resource, report.reporter, report.reason, report.description) == (
        resource,
        reporter,
        "obsolete",
        DESCRIPTION,
    )
    assert report.status == Report.Status.OPEN
    assert response.redirect_chain[-1][0] == resource.url
    assert "Merci, votre signalement est transmis" in response.content.decode()
    (email,) = mail.outbox
    moderators = Group.objects.get(name=MODERATORS_GROUP).user_set.values_list("email", flat=True)
    assert moderator.email in email.to and set(email.to) == set(moderators)
    assert email.subject == "Signalement de la ressource Demander la prime d'activité"
    assert "Rémi Signale signale la ressource « Demander la prime d'activité »" in email.body
    assert "Motif : Le contenu est obsolète" in email.body and DESCRIPTION in email.body
    assert f"/admin/signalements/edit/{report.pk}/" in email.body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reason": "obsolete", "description": ""}, "Décrivez le problème"),
        ({"reason": "obsolete", "description": "   "}, "Décrivez le problème"),
        ({"reason": "", "description": DESCRIPTION}, "Choisissez le motif du signalement."),
        ({"reason": "spam", "description": DESCRIPTION}, "Choisissez un des motifs proposés."),
        ({"reason": "obsolete", "description": "x" * 2001}, "ne doit pas dépasser 2000 caractères"),
    ],
)
def test_an_incomplete_report_gets_french_field_errors_and_saves_nothing(data, message):
    resource = factories.resource()
    response = client_for(factories.contributor()).post(report_url(resource), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Le formulaire contient des erreurs" in html and message in html
    assert not Report.objects.exists() and not mail.outbox


def test_private_resources_cannot_be_reported_even_by_their_readers(team):
    resource = team["resources"]["private"]
    reader = client_for(team["member"])
    assert "Signaler cette ressource" not in reader.get(resource.url).content.decode()
    response = reader.post(report_url(resource), {"reason": "obsolete", "description": DESCRIPTION})
    assert response.status_code == 404
    assert not Report.objects.exists()


def test_moderators_find_the_open_reports_in_the_admin_menu(moderator):
    resource = factories.resource(title="Fiche signalée")
    report = open_report(resource)
    open_report(factories.resource(title="Fiche déjà traitée"), status=Report.Status.RESOLVED)
    client = client_for(moderator)

    assert "/admin/signalements/" in client.get("/admin/").content.decode()
    queue = client.get("/admin/signalements/").content.decode()
    assert "Fiche signalée" in queue and "Fiche déjà traitée" not in queue
    assert f"/admin/signalements/edit/{report.pk}/" in queue
    assert "Fiche déjà traitée" in client.get("/admin/signalements/", {"status": "traite"}).content.decode()
    form = client.get(f"/admin/signalements/edit/{report.pk}/").content.decode()
    assert DESCRIPTION in form and "Le contenu est obsolète" in form and "Dépublier la ressource" in form


def test_a_moderator_resolves_a_report_with_a_private_comment(moderator):
    resource = factories.resource()
    report = open_report(resource)

    response = client_for(moderator).post(
        f"/admin/signalements/edit/{report.pk}/",
        {"decision": "classer", "moderator_comment": "Lien vérifié, il fonctionne."},
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.RESOLVED
    assert (report.moderator_comment, report.resolved_by) == ("Lien vérifié, il fonctionne.", moderator)
    assert report.resolved_at is not None
    resource.refresh_from_db()
    assert resource.live
    assert PageLogEntry.objects.filter(page=resource, action="lesbases.report_resolved").exists()
    (to_reporter,) = mail.outbox
    assert to_reporter.to == [report.reporter.email] and to_reporter.body.startswith("Bonjour")
    assert "laisser la ressource en ligne" in to_reporter.body
    assert "Lien vérifié" not in to_reporter.body  # the moderator's comment stays private
    assert "Lien vérifié" not in client_for(None).get(resource.url).content.decode()


def test_a_moderator_unpublishes_the_resource_and_its_owner_is_emailed(moderator):
    owner = factories.contributor(email="autrice@example.org")
    resource = factories.resource(owner=owner, title="Fiche erronée")
    report = open_report(resource, reason="erreurs")

    response = client_for(moderator).post(
        f"/admin/signalements/edit/{report.pk}/",
        {"decision": "depublier", "moderator_comment": "Erreurs confirmées."},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/signalements/"

    report.refresh_from_db()
    resource.refresh_from_db()
    assert report.status == Report.Status.UNPUBLISHED and not resource.live
    assert client_for(None).get(resource.url).status_code == 404
    actions = set(PageLogEntry.objects.filter(page=resource).values_list("action", flat=True))
    assert {"wagtail.unpublish", "lesbases.report_unpublished"} <= actions
    email, to_reporter = mail.outbox
    assert to_reporter.to == [report.reporter.email] and "a été dépubliée" in to_reporter.body
    assert email.to == ["autrice@example.org"]
    assert email.subject == "Votre ressource Fiche erronée a été dépubliée"
    assert "Motif du signalement : Il y a des erreurs" in email.body
    assert "Erreurs confirmées." not in email.body  # the moderator's comment stays private


def test_a_decision_and_a_comment_are_required_in_french(moderator):
    report = open_report(factories.resource())
    response = client_for(moderator).post(f"/admin/signalements/edit/{report.pk}/", {})
    html = response.content.decode()
    assert "Choisissez une décision." in html and "Expliquez votre décision en quelques mots." in html
    report.refresh_from_db()
    assert report.status == Report.Status.OPEN


def test_a_report_is_dealt_with_once(moderator):
    report = open_report(factories.resource(), status=Report.Status.RESOLVED, moderator_comment="Classé.")
    response = client_for(moderator).post(
        f"/admin/signalements/edit/{report.pk}/", {"decision": "depublier", "moderator_comment": "Encore"}
    )
    assert "Ce signalement a déjà été traité." in response.content.decode()
    report.refresh_from_db()
    assert (report.status, report.moderator_comment) == (Report.Status.RESOLVED, "Classé.")
    assert report.resource.live


def test_nobody_adds_or_deletes_reports_in_the_admin(moderator, superuser_client):
    report = open_report(factories.resource())
    for client in (client_for(moderator), superuser_client):
        assert client.get("/admin/signalements/new/").status_code in (302, 403, 404)
        assert client.post(f"/admin/signalements/delete/{report.pk}/").status_code in (302, 403, 404)
    assert Report.objects.filter(pk=report.pk).exists()


def test_platform_admins_moderate_too_and_contributors_do_not():
    report = open_report(factories.resource())
    assert client_for(member_of(ADMINISTRATORS_GROUP)).get("/admin/signalements/").status_code == 200
    contributor = client_for(factories.contributor())
    assert "/admin/signalements/" not in contributor.get("/admin/").content.decode()
    response = contributor.post(
        f"/admin/signalements/edit/{report.pk}/", {"decision": "depublier", "moderator_comment": "Non"}
    )
    assert response.status_code in (302, 403)
    report.refresh_from_db()
    assert report.status == Report.Status.OPEN and report.resource.live
