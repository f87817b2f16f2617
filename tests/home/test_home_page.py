"""The home page: search banner, category cards, featured and latest items, help links; private
content stays private, and the cost does not grow with the number of items."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import ADMINISTRATORS_GROUP
from home.models import HomeFeaturedBase, HomeFeaturedProfile, HomeFeaturedResource, HomePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def feature(*, resources=(), bases=(), profiles=()):
    """Make these the featured items of the home page, in this order, instead of the demo's."""
    home = HomePage.objects.get()
    for relation in (home.featured_resources, home.featured_bases, home.featured_profiles):
        relation.all().delete()
    for order, resource in enumerate(resources):
        HomeFeaturedResource.objects.create(page=home, resource=resource, sort_order=order)
    for order, base in enumerate(bases):
        HomeFeaturedBase.objects.create(page=home, base=base, sort_order=order)
    for order, profile in enumerate(profiles):
        HomeFeaturedProfile.objects.create(page=home, profile=profile, sort_order=order)


def section(html: str, heading_id: str) -> str:
    """The HTML of the home page section whose heading has this id ('' when absent)."""
    start = html.find(f'aria-labelledby="{heading_id}"')
    if start == -1:
        return ""
    return html[start : html.find("</section>", start)]


def test_the_search_banner_sends_a_labelled_query_to_the_search_page(client):
    html = client.get("/").content.decode()
    assert 'role="search" method="get" action="/rechercher/"' in html
    assert '<label class="fr-label" for="recherche-accueil-q">' in html
    assert 'id="recherche-accueil-q" name="q"' in html


def test_the_four_category_cards_link_to_their_pages_and_count_public_resources_only(team, client):
    counts = {card["key"]: card["count"] for card in client.get("/").context["showcase"].categories}
    factories.resource(themes=["accessibilite"])  # inclusion numérique
    factories.resource(themes=["sobriete-numerique", "accessibilite"])  # two categories, once in each
    factories.resource(themes=["accessibilite"], publish=False)  # a draft
    factories.resource(parent=team["bases"]["private"], themes=["accessibilite"], is_public=False)
    factories.resource(themes=["accessibilite"], is_public=False)  # a private personal resource
    response = client_for(team["admin"]).get("/")
    cards = {card["key"]: card for card in response.context["showcase"].categories}
    assert list(cards) == [
        "inclusion-numerique",
        "culture-numerique",
        "communs-et-souverainete",
        "numerique-et-environnement",
    ]
    assert cards["inclusion-numerique"]["count"] == counts["inclusion-numerique"] + 2
    assert cards["numerique-et-environnement"]["count"] == counts["numerique-et-environnement"] + 1
    assert cards["culture-numerique"]["count"] == counts["culture-numerique"]
    html = response.content.decode()
    for key, card in cards.items():
        assert f'<a href="/{key}/">{card["label"].replace("&", "&amp;")}</a>' in html
        assert f"{card['count']} ressource" in html


def test_featured_items_appear_in_the_order_chosen(team, client):
    first, second = (
        factories.resource(title="Fiche choisie en second"),
        factories.resource(title="Fiche à la une"),
    )
    profile = factories.contributor(first_name="Paula", last_name="Publique", is_public=True)
    feature(resources=[second, first], bases=[team["bases"]["public"]], profiles=[profile])
    html = client.get("/").content.decode()
    resources = section(html, "ressources-a-la-une")
    assert resources.index("Fiche à la une") < resources.index("Fiche choisie en second")
    assert "Base ouverte" in section(html, "bases-a-la-une")
    assert f'href="/profils/{profile.slug}/"' in section(html, "profils-a-la-une")


def test_a_featured_private_resource_or_base_is_shown_to_members_only(team, client):
    feature(resources=[team["resources"]["private"]], bases=[team["bases"]["private"]])
    html = client.get("/").content.decode()
    assert "Fiche de la base fermée" not in html and "Base fermée" not in html
    assert section(html, "ressources-a-la-une") == "" and section(html, "bases-a-la-une") == ""
    outsider = client_for(factories.contributor()).get("/").content.decode()
    assert "Fiche de la base fermée" not in outsider and "Base fermée" not in outsider
    member = client_for(team["member"]).get("/").content.decode()
    assert "Fiche de la base fermée" in section(member, "ressources-a-la-une")
    assert "Base fermée" in section(member, "bases-a-la-une")


def test_unpublished_resources_and_private_or_inactive_profiles_are_never_featured(team, client):
    draft = factories.resource(title="Brouillon mis en avant", publish=False)
    private_profile = factories.contributor(first_name="Pierre", last_name="Privé", is_public=False)
    gone = factories.contributor(first_name="Ida", last_name="Inactive", is_public=True, is_active=False)
    feature(resources=[draft], profiles=[private_profile, gone])
    for viewer in (client, client_for(team["admin"])):
        html = viewer.get("/").content.decode()
        assert "Brouillon mis en avant" not in html
        assert "Pierre Privé" not in html and "Ida Inactive" not in html


def test_the_latest_eight_resources_the_visitor_may_read(team, client):
    for number in range(9):
        factories.resource(title=f"Nouveauté {number}")
    private = factories.resource(parent=team["bases"]["private"], title="Dernière privée", is_public=False)
    latest = client.get("/").context["showcase"].latest_resources
    assert [item.title for item in latest] == [f"Nouveauté {number}" for number in range(8, 0, -1)]
    member_latest = client_for(team["member"]).get("/").context["showcase"].latest_resources
    assert member_latest[0].pk == private.pk
    assert len(member_latest) == 8


def test_help_links_lead_to_the_help_centre_and_the_questionnaire(client):
    aide = section(client.get("/").content.decode(), "aide")
    assert 'href="/centre-d-aide/"' in aide
    assert 'href="/a-propos/"' in aide
    assert 'href="/je-donne-mon-avis/"' in aide


def test_the_home_page_costs_the_same_queries_for_1_or_8_featured_items(
    team, client, django_assert_max_num_queries
):
    viewers = {"visitor": client, "member": client_for(team["member"])}
    picture = factories.image()

    def add_items(count: int, start: int):
        resources = [
            factories.resource(title=f"Fiche {start + n}", cover_image=picture) for n in range(count)
        ]
        bases = [factories.base(title=f"Base {start + n}") for n in range(count)]
        profiles = [factories.contributor(is_public=True) for _ in range(count)]
        feature(resources=resources, bases=bases, profiles=profiles)

    add_items(1, 0)
    budgets = {}
    for name, viewer in viewers.items():
        viewer.get("/")
        with django_assert_max_num_queries(100) as captured:
            viewer.get("/")
        budgets[name] = len(captured)
    add_items(8, 10)
    for name, viewer in viewers.items():
        viewer.get("/")
        with django_assert_max_num_queries(budgets[name], info=name):
            response = viewer.get("/")
        assert len(response.context["showcase"].featured_resources) == 8
        assert len(response.context["showcase"].featured_bases) == 8
        assert len(response.context["showcase"].featured_profiles) == 8


def test_administrators_choose_the_featured_items_in_a_tab_of_the_admin(superuser_client):
    home = HomePage.objects.get()
    html = superuser_client.get(f"/admin/pages/{home.pk}/edit/").content.decode()
    assert "Mise en avant" in html
    for heading in ("Ressources mises en avant", "Bases mises en avant", "Profils mis en avant"):
        assert heading in html


def test_the_profile_chooser_lists_public_profiles_for_platform_admins_only(team):
    factories.contributor(first_name="Pierre", last_name="Privé", is_public=False)
    administrator = factories.contributor(first_name="Alice", last_name="Administratrice")
    administrator.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    chooser = client_for(administrator)
    assert "Adèle Admin" in chooser.get("/admin/profile_chooser/", {"q": "adèle"}).json()["html"]
    assert "Pierre Privé" not in chooser.get("/admin/profile_chooser/", {"q": "Pierre"}).json()["html"]
    assert client_for(team["member"]).get("/admin/profile_chooser/").status_code in (302, 403)


def test_an_anonymous_visitors_showcase_is_kept_until_what_visitors_see_changes(
    team, client, django_assert_max_num_queries
):
    factories.resource(title="Première fiche")
    assert "Première fiche" in client.get("/").content.decode()
    with django_assert_max_num_queries(10):
        assert "Première fiche" in client.get("/").content.decode()

    factories.resource(title="Fiche toute neuve")
    assert "Fiche toute neuve" in client.get("/").content.decode()
    team["resources"]["public"].unpublish()
    assert team["resources"]["public"].title not in client.get("/").content.decode()


def test_a_member_never_gets_the_anonymous_visitors_showcase(team, client):
    factories.resource(parent=team["bases"]["private"], title="Dernière privée", is_public=False)
    assert "Dernière privée" not in client.get("/").content.decode()
    assert "Dernière privée" in client_for(team["member"]).get("/").content.decode()
    assert "Dernière privée" not in client.get("/").content.decode()
