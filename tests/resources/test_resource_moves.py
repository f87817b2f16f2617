"""Moving a resource from its page to the editor's profile or another of their bases: Wagtail's move,
its history, and the visibility of the new place at once."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from resources.models import ResourceIndexPage, ResourcePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def move(user, resource, destination_id, follow=True):
    return client_for(user).post(
        reverse("resources:move", args=(resource.pk,)), {"destination": destination_id}, follow=follow
    )


def test_a_public_resource_moved_into_a_private_base_is_hidden_from_outsiders_at_once(team, client):
    admin, member = team["admin"], team["member"]
    resource = factories.resource(owner=admin, title="Fiche voyageuse")
    private = team["bases"]["private"]
    outsider = factories.contributor()
    assert client.get(resource.url).status_code == 200

    response = move(admin, resource, private.pk)

    moved = ResourcePage.objects.get(pk=resource.pk)
    assert moved.get_parent().pk == private.pk
    assert "La ressource « Fiche voyageuse » a été déplacée dans la base « Base fermée »." in (
        response.content.decode()
    )
    assert response.redirect_chain[-1][0] == moved.url
    assert client.get(moved.url).status_code == 403, "anonymous visitors are told it is in a private base"
    assert client_for(outsider).get(moved.url).status_code == 403
    assert client_for(member).get(moved.url).status_code == 200
    assert "Fiche voyageuse" not in client.get("/rechercher/?q=voyageuse").content.decode()
    assert "Fiche voyageuse" not in client_for(outsider).get("/rechercher/?q=voyageuse").content.decode()
    assert "Fiche voyageuse" not in client.get("/ressources/").content.decode()
    assert "Fiche voyageuse" in client_for(member).get(private.url + "?onglet=ressources").content.decode()
    entry = PageLogEntry.objects.get(page=resource, action="wagtail.move")
    assert entry.user == admin and entry.data["destination"]["id"] == private.pk


def test_moved_out_of_a_private_base_its_own_public_choice_applies(team, client):
    admin = team["admin"]
    resource = team["resources"]["private"]  # is_public, hidden by its base
    public_base = team["bases"]["public"]
    assert client.get(resource.url).status_code == 403

    move(admin, resource, public_base.pk)

    moved = ResourcePage.objects.get(pk=resource.pk)
    assert client.get(moved.url).status_code == 200
    assert resource.title in client.get(public_base.url + "?onglet=ressources").content.decode()
    assert resource.title in client.get("/rechercher/?q=fiche").content.decode()


def test_a_private_resource_moved_to_the_profile_is_read_by_its_contributors_not_by_its_old_base(team):
    admin, member = team["admin"], team["member"]
    resource = factories.resource(parent=team["bases"]["public"], owner=admin, is_public=False)
    resource.apply_visibility()
    assert client_for(member).get(resource.url).status_code == 200

    move(admin, resource, ResourceIndexPage.objects.get().pk)

    moved = ResourcePage.objects.get(pk=resource.pk)
    assert moved.url.startswith("/ressources/")
    assert client_for(member).get(moved.url).status_code == 302, "its old base's members no longer read it"
    assert client_for(admin).get(moved.url).status_code == 200


def test_the_form_offers_only_the_places_wagtail_lets_the_user_move_it_to(team):
    admin, member = team["admin"], team["member"]
    resource = factories.resource(owner=member, title="Fiche de Marc")
    elsewhere = factories.base(title="Base d'ailleurs")

    html = client_for(member).get(reverse("resources:move", args=(resource.pk,))).content.decode()

    # A member does not publish in the bases: a published resource may not enter them.
    assert "Base ouverte" not in html and "Base fermée" not in html and "Base d&#x27;ailleurs" not in html
    assert "Vous n'avez pas d'autre place" in html
    html = (
        client_for(admin)
        .get(reverse("resources:move", args=(factories.resource(owner=admin).pk,)))
        .content.decode()
    )
    assert "La base « Base ouverte »" in html and "La base « Base fermée »" in html
    assert "Base d&#x27;ailleurs" not in html and f'value="{elsewhere.pk}"' not in html
    assert f'value="{ResourceIndexPage.objects.get().pk}"' not in html, "not where it already is"


def test_a_forged_destination_is_refused_in_french_and_nothing_moves(team):
    admin = team["admin"]
    resource = factories.resource(owner=admin)
    parent = resource.get_parent().pk
    for destination in (factories.base().pk, "pas-un-nombre", "", 999999):
        response = move(admin, resource, destination, follow=False)
        assert response.status_code == 200
        assert "Choisissez une destination parmi celles proposées." in response.content.decode()
        assert ResourcePage.objects.get(pk=resource.pk).get_parent().pk == parent


def test_someone_who_cannot_edit_the_resource_gets_a_404(team, client):
    resource = team["resources"]["private"]
    for user in (factories.contributor(), team["member"]):
        response = client_for(user).get(reverse("resources:move", args=(resource.pk,)))
        assert response.status_code == 404 and resource.title not in response.content.decode()
        assert move(user, resource, team["bases"]["public"].pk, follow=False).status_code == 404
    assert client.get(reverse("resources:move", args=(resource.pk,))).status_code == 302


def test_an_address_taken_in_the_destination_gets_a_number(team):
    admin = team["admin"]
    factories.resource(parent=team["bases"]["public"], owner=admin, slug="atelier")
    resource = factories.resource(owner=admin, slug="atelier")
    move(admin, resource, team["bases"]["public"].pk)
    assert ResourcePage.objects.get(pk=resource.pk).slug == "atelier-2"


def test_the_resource_page_shows_the_actions_to_its_editors_only(team, client):
    admin = team["admin"]
    resource = factories.resource(owner=admin)
    html = client_for(admin).get(resource.url).content.decode()
    assert reverse("resources:move", args=(resource.pk,)) in html
    assert reverse("resources:delete", args=(resource.pk,)) in html
    for viewer in (client, client_for(factories.contributor())):
        html = viewer.get(resource.url).content.decode()
        assert reverse("resources:move", args=(resource.pk,)) not in html
        assert reverse("resources:delete", args=(resource.pk,)) not in html


def test_moving_a_submitted_resource_cancels_its_submission_to_the_old_base(team):
    admin, member, base = team["admin"], team["member"], team["bases"]["public"]
    draft = factories.resource(parent=base, owner=member, publish=False, title="Proposition de Marc")
    draft.get_workflow().start(draft, member)
    task_state = draft.current_workflow_task_state
    form = client_for(member).get(reverse("resources:move", args=(draft.pk,))).content.decode()
    assert "Une demande de validation est en cours pour cette ressource : la déplacer l'annulera." in form

    response = move(member, draft, ResourceIndexPage.objects.get().pk)

    assert (
        "La ressource « Proposition de Marc » a été déplacée dans votre profil. "
        "La demande de validation en cours a été annulée"
    ) in response.content.decode()
    assert WorkflowState.objects.get(object_id=str(draft.pk)).status == WorkflowState.STATUS_CANCELLED
    assert "Proposition de Marc" not in client_for(admin).get(base.url).content.decode()
    assert "Proposition de Marc" not in client_for(admin).get(reverse("wagtailadmin_home")).content.decode()
    # The old base's admins may no longer publish it where it now is.
    approve = reverse("wagtailadmin_pages:workflow_action", args=(draft.pk, "approve", task_state.pk))
    client_for(admin).post(approve, {"comment": ""})
    assert not ResourcePage.objects.get(pk=draft.pk).live
    # Its author publishes it in their profile.
    data = factories.resource_form_data(member, title="Proposition de Marc")
    client_for(member).post(reverse("wagtailadmin_pages:edit", args=(draft.pk,)), data)
    assert ResourcePage.objects.get(pk=draft.pk).live


def test_a_move_without_a_submission_says_nothing_of_one(team):
    admin = team["admin"]
    resource = factories.resource(owner=admin, title="Fiche tranquille")
    form = client_for(admin).get(reverse("resources:move", args=(resource.pk,))).content.decode()
    assert "demande de validation" not in form
    response = move(admin, resource, team["bases"]["public"].pk)
    assert "a été déplacée dans la base « Base ouverte »." in response.content.decode()
    assert "demande de validation" not in response.content.decode()
