"""« Mon espace », the admin's dashboard: each user finds their drafts, their published resources,
those awaiting validation, what they may validate, their bases and collections — and nothing of
anyone else's that they may not read."""

import html as html_lib
import re

import pytest
from django.urls import reverse

from community.models import Collection
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def dashboard(user) -> str:
    response = client_for(user).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def section(html, key) -> str:
    """The text of one list of « Mon espace » (empty when the user does not have it)."""
    found = re.search(rf'<section[^>]*id="mon-espace-{key}".*?</section>', html, re.S)
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found[0]))) if found else ""


def submit(user, page):
    """Submit to the base's admins, as a private resource (a private base holds nothing public)."""
    data = factories.resource_form_data(user, title=page.title, action="action-submit", is_public=None)
    response = client_for(user).post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 302


def test_a_contributor_finds_their_drafts_and_published_resources():
    author = factories.contributor()
    factories.resource(owner=author, publish=False, title="Atelier en préparation")
    factories.resource(owner=author, title="Guide des démarches en ligne")

    html = dashboard(author)

    assert "<h1" in html and "Mon espace" in html
    assert "Atelier en préparation" in section(html, "brouillons")
    assert "jamais publiée" in section(html, "brouillons")
    assert "Guide des démarches en ligne" in section(html, "publiees")
    assert "Voir sur le site" in section(html, "publiees")
    assert "Guide des démarches en ligne" not in section(html, "brouillons")


def test_a_new_contributor_is_told_what_to_do():
    html = dashboard(factories.contributor())

    assert "Vous n'avez encore publié aucune ressource" in section(html, "publiees")
    assert "Publier une ressource" in section(html, "brouillons")
    assert "Vous ne faites partie d'aucune base" in section(html, "bases")
    assert "Créer une base" in section(html, "bases")
    assert "Aucune collection" in section(html, "collections")
    # Nothing to validate for someone who reviews no base's submissions.
    assert section(html, "a-valider") == ""


def test_a_member_sees_their_submission_await_and_the_admins_see_it_to_validate(team):
    proposal = factories.resource(
        parent=team["bases"]["private"], owner=team["member"], publish=False, title="Proposition d'atelier"
    )
    submit(team["member"], proposal)

    member = dashboard(team["member"])
    assert "Proposition d'atelier" in section(member, "en-attente")
    assert "Validation par les administrateurs de la base" in section(member, "en-attente")
    assert "Proposition d'atelier" not in section(member, "brouillons")
    assert section(member, "a-valider") == ""

    admin = section(dashboard(team["admin"]), "a-valider")
    assert "Proposition d'atelier" in admin
    assert "Base fermée" in admin and "Marc Membre" in admin
    assert f'href="{reverse("wagtailadmin_pages:edit", args=(proposal.pk,))}"' in dashboard(team["admin"])


def test_nobody_sees_another_users_drafts_or_a_private_base_submissions(team):
    factories.resource(owner=team["member"], publish=False, title="Brouillon personnel de Marc")
    proposal = factories.resource(
        parent=team["bases"]["private"], owner=team["member"], publish=False, title="Proposition secrète"
    )
    submit(team["member"], proposal)
    other_admin = factories.contributor()
    factories.base(title="Base voisine", owner=other_admin)

    for viewer in (factories.contributor(), other_admin):
        html = dashboard(viewer)
        assert "Brouillon personnel de Marc" not in html
        assert "Proposition secrète" not in html
        assert "Base fermée" not in html
    # The base's admin validates the proposal but does not see the member's personal draft.
    admin = dashboard(team["admin"])
    assert "Proposition secrète" in section(admin, "a-valider")
    assert "Brouillon personnel de Marc" not in admin


def test_bases_and_collections_of_the_user(team):
    Collection.objects.create(owner=team["member"], title="Ateliers parentalité", is_public=True)
    Collection.objects.create(owner=team["admin"], title="Collection d'Adèle")

    member = dashboard(team["member"])
    assert "Base fermée" in section(member, "bases") and "Membre" in section(member, "bases")
    assert "Modifier la base" not in section(member, "bases")
    assert "Ateliers parentalité" in section(member, "collections")
    assert "publique" in section(member, "collections")
    assert "Collection d'Adèle" not in member

    admin = dashboard(team["admin"])
    assert "Modifier la base" in section(admin, "bases")
    edit_base = reverse("wagtailadmin_pages:edit", args=(team["bases"]["private"].pk,))
    assert f'href="{edit_base}"' in admin


def test_platform_staff_keep_wagtails_panels_under_theirs(superuser):
    html = dashboard(superuser)
    assert "mon-espace-brouillons" in html
    assert "w-summary" in html  # Wagtail's counts of pages, images and documents


def queries(user, django_assert_max_num_queries) -> int:
    client = client_for(user)
    client.get(reverse("wagtailadmin_home"))  # sessions, caches: what a second visit does not repeat
    with django_assert_max_num_queries(200) as captured:
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    return len(captured)


def add_a_round(team, number):
    """More of everything each list shows, and of what they must leave out."""
    member, admin = team["member"], team["admin"]
    for parent in (None, team["bases"]["public"], team["bases"]["private"]):
        factories.resource(parent=parent, owner=member, publish=False, title=f"Brouillon {number}")
        factories.resource(parent=parent or None, owner=member, title=f"Publiée {number}")
    submit(
        member,
        factories.resource(
            parent=team["bases"]["private"], owner=member, publish=False, title=f"Soumise {number}"
        ),
    )
    factories.resource(owner=factories.contributor(), publish=False, title=f"Brouillon d'un autre {number}")
    factories.base(title=f"Base {number}", owner=admin, members=[member])
    Collection.objects.create(owner=member, title=f"Collection {number}")


def test_the_dashboard_costs_the_same_whatever_the_number_of_pages(team, django_assert_max_num_queries):
    """Figures measured: 26 queries for a member, 29 for a base admin (with « À valider »)."""
    add_a_round(team, 1)
    budgets = {role: queries(team[role], django_assert_max_num_queries) for role in ("member", "admin")}
    for number in range(2, 8):
        add_a_round(team, number)
    for role, budget in budgets.items():
        assert queries(team[role], django_assert_max_num_queries) <= budget, role
