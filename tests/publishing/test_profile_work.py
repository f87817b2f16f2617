"""A profile's owner finds on it their drafts, their resources awaiting validation and the resources
they contribute to; nobody else does, and a visitor sees only what they may read."""

import pytest
from django.test import Client
from django.urls import reverse

from resources.contributors import add_contributor
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def profile_url(user) -> str:
    return f"/profils/{user.slug}/"


def section(html: str, list_id: str) -> str:
    return html.split(f'id="{list_id}"')[1].split("<h3")[0]


def submit_for_validation(resource, by) -> None:
    """Send the resource to its base's workflow, as « Soumettre » does in the editor."""
    resource.get_workflow().start(resource, by)


@pytest.fixture
def work(team):
    member, admin = team["member"], team["admin"]
    base = team["bases"]["public"]
    never_published = factories.resource(owner=member, publish=False, title="Brouillon jamais publié")
    changed = factories.resource(owner=member, title="Publiée puis retouchée")
    changed.title = "Publiée puis retouchée (nouvelle version)"
    changed.save_revision(user=member)
    submitted = factories.resource(parent=base, owner=member, publish=False, title="Proposée à la base")
    submit_for_validation(submitted, member)
    published = factories.resource(owner=member, title="Publiée sans retouche")
    invited_to = factories.resource(owner=admin, publish=False, title="Fiche à plusieurs mains")
    add_contributor(invited_to, member.email, by=admin)
    return {
        "member": member,
        "never_published": never_published,
        "changed": changed,
        "submitted": submitted,
        "published": published,
        "invited_to": invited_to,
    }


def test_the_owner_sees_drafts_awaiting_validation_and_contributions(work):
    html = client_for(work["member"]).get(profile_url(work["member"])).content.decode()
    assert "Mon travail" in html
    drafts = section(html, "brouillons")
    assert "Brouillon jamais publié" in drafts and "Publiée puis retouchée" in drafts
    assert "Proposée à la base" not in drafts and "Publiée sans retouche" not in drafts
    awaiting = section(html, "en-attente")
    assert "Proposée à la base" in awaiting and "Base ouverte" in awaiting
    assert "Brouillon jamais publié" not in awaiting
    contributions = section(html, "contributions")
    assert "Fiche à plusieurs mains" in contributions
    assert "Brouillon jamais publié" not in contributions
    assert f"/admin/pages/{work['never_published'].pk}/edit/" in drafts


def test_a_draft_sent_back_with_changes_is_a_draft_again(work, team):
    task_state = work["submitted"].current_workflow_state.current_task_state
    reject = reverse(
        "wagtailadmin_pages:workflow_action", args=(work["submitted"].pk, "reject", task_state.pk)
    )
    client_for(team["admin"]).post(reject, {"comment": "Il manque les sources."})
    html = client_for(work["member"]).get(profile_url(work["member"])).content.decode()
    assert "Proposée à la base" in section(html, "brouillons")
    assert "Proposée à la base" not in section(html, "en-attente")


@pytest.mark.parametrize("viewer", ["visitor", "contributor", "base admin"])
def test_nobody_else_sees_them(work, team, viewer):
    work["member"].is_public = True
    work["member"].save()
    client = {
        "visitor": Client(),
        "contributor": client_for(factories.contributor()),
        "base admin": client_for(team["admin"]),
    }[viewer]
    html = client.get(profile_url(work["member"])).content.decode()
    assert "Mon travail" not in html
    for title in ("Brouillon jamais publié", "Proposée à la base", "Fiche à plusieurs mains"):
        assert title not in html
    assert "Publiée sans retouche" in html


def test_a_visitor_sees_only_what_they_may_read(team):
    member = team["member"]
    member.is_public = True
    member.save()
    factories.resource(parent=team["bases"]["private"], owner=member, title="Fiche de l'équipe")
    factories.resource(owner=member, title="Fiche ouverte")
    factories.resource(owner=member, title="Fiche réservée", is_public=False)
    for resource in member.owned_pages.specific():
        resource.apply_visibility()
    html = Client().get(profile_url(member)).content.decode()
    assert "Fiche ouverte" in html
    assert "Fiche de l'équipe" not in html and "Fiche réservée" not in html


def test_its_queries_do_not_grow_with_the_number_of_resources(work, team, django_assert_max_num_queries):
    member, admin = work["member"], team["admin"]
    client = client_for(member)
    url = profile_url(member)
    client.get(url)
    with django_assert_max_num_queries(100) as captured:
        assert client.get(url).status_code == 200
    budget = len(captured)
    for number in range(6):
        factories.resource(owner=member, publish=False, title=f"Brouillon {number}")
        submit_for_validation(
            factories.resource(parent=team["bases"]["public"], owner=member, publish=False), member
        )
        invited_to = factories.resource(owner=admin, title=f"Contribution {number}")
        add_contributor(invited_to, member.email, by=admin)
    with django_assert_max_num_queries(budget):
        html = client.get(url).content.decode()
    assert "Brouillon 5" in html and "Contribution 5" in html
    print(f"profile of its owner: {budget} queries")
