"""Deleting a resource from its page: a confirmation that says what goes with it, Wagtail's delete
action (the audit log keeps it), reports kept for the moderators, closed with a note."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from community import collections
from resources import feedback
from resources.models import Report, ResourcePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def report(resource, reason="erreurs"):
    return feedback.report(resource, factories.contributor(), reason, "Les liens ne marchent plus.")


def test_the_confirmation_says_what_goes_with_the_resource(team):
    admin = team["admin"]
    resource = factories.resource(owner=admin, title="Fiche condamnée")
    for _ in range(2):
        reader = factories.contributor()
        collections.save_resource(collections.create_collection(reader, "À lire"), resource, by=reader)
        feedback.rate(resource, reader, 4)
    report(resource)

    html = client_for(admin).get(reverse("resources:delete", args=(resource.pk,))).content.decode()

    assert "Supprimer la ressource « Fiche condamnée »" in html
    assert "des 2 collections qui l'ont enregistrée" in html
    assert "ses 2 recommandations seront supprimées" in html
    assert "le signalement en cours sera clos" in html


def test_deleting_keeps_the_audit_log_and_closes_open_reports_with_a_note(team, client):
    admin = team["admin"]
    resource = factories.resource(owner=admin, title="Fiche condamnée")
    reader = factories.contributor()
    collection = collections.create_collection(reader, "À lire")
    collections.save_resource(collection, resource, by=reader)
    open_report, settled = report(resource), report(resource, reason="obsolete")
    feedback.resolve(settled, by=factories.superuser(), comment="Rien à redire.")
    url = resource.url

    response = client_for(admin).post(reverse("resources:delete", args=(resource.pk,)), follow=True)

    assert "La ressource « Fiche condamnée » a été supprimée." in response.content.decode()
    assert response.redirect_chain[-1][0] == f"/profils/{admin.slug}/"
    assert not ResourcePage.objects.filter(pk=resource.pk).exists()
    assert client.get(url).status_code == 404
    assert not collection.items.exists()
    entry = PageLogEntry.objects.get(page_id=resource.pk, action="wagtail.delete")
    assert entry.user == admin and entry.label == "Fiche condamnée"
    open_report.refresh_from_db()
    assert open_report.status == Report.Status.DELETED and open_report.resource is None
    assert open_report.resource_title == "Fiche condamnée"
    assert "Ressource supprimée le" in open_report.moderator_comment
    assert "par Adèle Admin, avant toute décision de modération." in open_report.moderator_comment
    settled.refresh_from_db()
    assert settled.status == Report.Status.RESOLVED and settled.moderator_comment == "Rien à redire."


def test_moderators_still_read_a_report_of_a_deleted_resource(team):
    admin = team["admin"]
    resource = factories.resource(owner=admin, title="Fiche condamnée")
    filed = report(resource)
    client_for(admin).post(reverse("resources:delete", args=(resource.pk,)))

    moderator = factories.superuser()
    html = client_for(moderator).get(reverse("signalements:edit", args=(filed.pk,))).content.decode()
    assert "« Fiche condamnée », supprimée depuis." in html and "Ressource supprimée" in html
    listing = client_for(moderator).get(reverse("signalements:index") + "?status=supprime").content.decode()
    assert "Fiche condamnée (supprimée)" in listing


def test_a_base_resource_is_deleted_by_the_base_admins_and_the_page_goes_back_to_the_base(team):
    resource = factories.resource(parent=team["bases"]["public"], owner=team["member"])
    for user in (team["member"], factories.contributor()):
        # A member may not unpublish in the base: deleting a live resource would.
        assert client_for(user).get(reverse("resources:delete", args=(resource.pk,))).status_code == 404
        assert client_for(user).post(reverse("resources:delete", args=(resource.pk,))).status_code == 404
    assert ResourcePage.objects.filter(pk=resource.pk).exists()

    response = client_for(team["admin"]).post(reverse("resources:delete", args=(resource.pk,)))
    assert response.status_code == 302 and response.url == team["bases"]["public"].url


@pytest.mark.parametrize("rounds", [1, 5])
def test_the_resource_page_and_the_confirmation_cost_the_same_whatever_their_collections_and_reports(
    team, rounds, django_assert_max_num_queries
):
    admin = team["admin"]
    resource = factories.resource(owner=admin)
    for _ in range(rounds):
        reader = factories.contributor()
        collections.save_resource(collections.create_collection(reader, "À lire"), resource, by=reader)
        feedback.rate(resource, reader, 3)
        report(resource)
    client = client_for(admin)
    client.get(resource.url)  # the frame's cache

    with django_assert_max_num_queries(RESOURCE_PAGE_QUERIES):
        assert client.get(resource.url).status_code == 200
    with django_assert_max_num_queries(CONFIRMATION_QUERIES):
        assert client.get(reverse("resources:delete", args=(resource.pk,))).status_code == 200
    with django_assert_max_num_queries(MOVE_FORM_QUERIES):
        assert client.get(reverse("resources:move", args=(resource.pk,))).status_code == 200


# Measured for the resource's owner, who is admin of two bases: 25, 21 and 24, the same with 1 or 6
# collections, ratings and reports (the move form grows with the user's own bases, not with these;
# one of its queries asks whether a submission is in progress, which the move would cancel; one on
# each page counts the unread notifications of the header's bell; the resource page asks whether anyone
# may read it, for its metadata).
RESOURCE_PAGE_QUERIES = 25
CONFIRMATION_QUERIES = 21
MOVE_FORM_QUERIES = 24
