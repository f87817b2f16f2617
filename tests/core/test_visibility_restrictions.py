"""``visible_to`` decides in one subquery, whatever the number of view restrictions, as Wagtail does."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms import visibility
from cms.visibility import readable_ids
from resources.models import ROUTABLE_RESOURCES, ResourcePage
from tests import factories


def restrict(page, restriction_type, groups=(), password=""):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password=password
    )
    restriction.groups.set(groups)
    return restriction


@pytest.fixture(scope="module")
def module_pages(module_db):
    """One resource per kind of restriction, under a base holding one more resource each: built once for
    the module, each test's changes rolled back."""
    readers = Group.objects.create(name="Lecteurs")
    kinds = {
        "open": None,
        "login": lambda page: restrict(page, PageViewRestriction.LOGIN),
        "groups": lambda page: restrict(page, PageViewRestriction.GROUPS, [readers]),
        "password": lambda page: restrict(page, PageViewRestriction.PASSWORD, password="secret"),
    }
    titles = {}
    for kind, apply in kinds.items():
        base = factories.base(title=f"Base {kind}")
        top = factories.resource(title=f"Ressource {kind}")
        below = factories.resource(parent=base, title=f"Ressource dans la base {kind}")
        if apply:
            apply(top)
            apply(base)
        titles[kind] = {top.title, below.title}
    return {"readers": readers, "titles": titles}


@pytest.fixture
def pages(db, module_pages):
    return module_pages


def visible_titles(user) -> set[str]:
    return set(ResourcePage.objects.visible_to(user).values_list("title", flat=True))


def expected(pages, *kinds) -> set[str]:
    return set().union(*(pages["titles"][kind] for kind in kinds))


def ours(pages, titles) -> set[str]:
    """Among ``titles``, those of the fixture (the database may hold other pages)."""
    return set(titles) & expected(pages, *pages["titles"])


def test_a_visitor_sees_only_unrestricted_pages(pages):
    assert ours(pages, visible_titles(AnonymousUser())) == expected(pages, "open")


def test_a_signed_in_user_passes_login_restrictions(pages):
    assert ours(pages, visible_titles(factories.contributor())) == expected(pages, "open", "login")


def test_a_member_of_a_group_passes_its_restrictions(pages):
    reader = factories.contributor()
    reader.groups.add(pages["readers"])

    assert ours(pages, visible_titles(reader)) == expected(pages, "open", "login", "groups")


def test_a_superuser_passes_group_restrictions_but_not_passwords(pages):
    superuser = factories.contributor(is_superuser=True)

    assert ours(pages, visible_titles(superuser)) == expected(pages, "open", "login", "groups")


def test_the_conditions_on_a_page_id_select_what_live_visible_to_selects(pages):
    factories.resource(title="Ressource dépubliée").unpublish()
    reader = factories.contributor()
    reader.groups.add(pages["readers"])
    superuser = factories.contributor(is_superuser=True)

    for user in (AnonymousUser(), factories.contributor(), reader, superuser):
        by_id = ResourcePage.objects.filter(readable_ids(user, "pk")).values_list("title", flat=True)
        assert set(by_id) == visible_titles(user)


def test_a_restriction_covers_the_page_and_its_descendants_only(db):
    base = factories.base(title="Base voisine")
    inside = factories.resource(parent=base, title="Dedans")
    neighbour = factories.base(title="Base suivante")
    factories.resource(parent=neighbour, title="Dehors")
    restrict(base, PageViewRestriction.LOGIN)

    assert inside.path.startswith(base.path) and neighbour.path > base.path
    assert {"Dehors", "Dedans"} & visible_titles(AnonymousUser()) == {"Dehors"}


def captured_sql(user) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        list(ResourcePage.objects.visible_to(user))
    return len(queries), queries[-1]["sql"]


@pytest.mark.parametrize("user", [AnonymousUser, factories.contributor])
def test_the_sql_does_not_grow_with_the_number_of_restrictions(db, user):
    user = user()
    resources = [factories.resource(title=f"Fiche {number}") for number in range(4)]
    restrict(resources[0], PageViewRestriction.LOGIN)
    few = captured_sql(user)
    for resource in resources[1:]:
        restrict(resource, PageViewRestriction.GROUPS, [Group.objects.create(name=f"Groupe {resource.pk}")])

    assert captured_sql(user) == few
    assert few[0] == 1


def test_it_filters_before_a_full_text_search(pages):
    results = ResourcePage.objects.visible_to(AnonymousUser()).search("ressource")

    assert ours(pages, [result.title for result in results]) == expected(pages, "open")


def routed(page) -> ResourcePage:
    parent = page.get_parent()
    return ROUTABLE_RESOURCES.get(path=parent.path, depth=parent.depth + 1, slug=page.slug)


def restriction_ids(restrictions) -> set[int]:
    return {restriction.pk for restriction in restrictions}


def test_a_routed_resource_has_the_view_restrictions_wagtail_finds_for_it(pages):
    """Routing says whether a restriction applies (on the resource, its base, or a page one of them is
    an alias of, as Wagtail's rule has it); a resource found unrestricted is served without a query for
    its restrictions."""
    original = factories.resource(title="Ressource copiée")
    restriction = restrict(original, PageViewRestriction.LOGIN)
    alias = original.create_alias(update_slug="ressource-copiee-alias")
    PageViewRestriction.objects.filter(page=alias).delete()  # restricted through its original only
    titles = {title for kind in pages["titles"].values() for title in kind}
    resources = [*ResourcePage.objects.filter(title__in=titles), alias]

    for resource in resources:
        looked_up = restriction_ids(resource.get_view_restrictions())
        found = routed(resource)
        assert found.view_restricted is bool(looked_up), resource.title
        with CaptureQueriesContext(connection) as queries:
            assert restriction_ids(found.get_view_restrictions()) == looked_up, resource.title
        assert len(queries) == (1 if looked_up else 0), resource.title
    assert restriction_ids(routed(alias).get_view_restrictions()) == {restriction.pk}


def test_a_resource_deeper_than_routing_looks_is_said_restricted(db, monkeypatch):
    resource = factories.resource(title="Ressource profonde")
    monkeypatch.setattr(visibility, "VIEW_RESTRICTED_MAX_DEPTH", resource.depth - 1)
    deep = ResourcePage.objects.filter(pk=resource.pk).with_view_restricted().get()

    assert deep.view_restricted is True
    assert list(deep.get_view_restrictions()) == []
