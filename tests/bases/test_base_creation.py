"""Creating a base from the site: page, groups, permissions, workflow and first admin, all or nothing."""

import pytest
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageViewRestriction, Workflow, WorkflowPage

from bases.creation import create_base
from bases.models import BasePage, Membership
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Numérique solidaire en Gironde",
    "description": "Notre réseau.\n\nDes ateliers partout en Gironde.",
    "department": "33",
    "contact_email": "contact@solidaire33.fr",
    "website": "solidaire33.fr",
    "is_public": "0",
}


def test_creating_a_base_from_the_site(mailoutbox):
    creator = factories.contributor(first_name="Inès")
    response = client_for(creator).post(reverse("bases:create"), FORM)
    base = BasePage.objects.get(title=FORM["title"])
    assert response.status_code == 302 and response.url == base.url
    assert base.live and base.slug == "numerique-solidaire-en-gironde" and base.owner == creator
    assert base.description == "<p>Notre réseau.</p>\n\n<p>Des ateliers partout en Gironde.</p>"
    assert base.website == "https://solidaire33.fr"

    permissions = {
        group: set(
            GroupPagePermission.objects.filter(group=group, page=base).values_list(
                "permission__codename", flat=True
            )
        )
        for group in (base.members_group, base.admins_group)
    }
    assert permissions[base.members_group] == {"add_page", "change_page"}
    assert permissions[base.admins_group] == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert base.members_group.name == "Base numerique-solidaire-en-gironde — membres"
    assert Membership.objects.get(base=base).user == creator
    assert creator.groups.filter(pk=base.admins_group_id).exists()

    task = WorkflowPage.objects.get(page=base).workflow.tasks.get().specific
    assert list(task.groups.all()) == [base.admins_group]

    restriction = PageViewRestriction.objects.get(page=base)
    assert set(restriction.groups.all()) >= {base.members_group, base.admins_group}
    assert client_for(None).get(base.url).status_code == 403  # the private base's explanation
    assert "Base privée" in client_for(creator).get(base.url).content.decode()


def test_the_form_shows_french_field_errors_and_creates_nothing():
    client = client_for(factories.contributor())
    response = client.post(
        reverse("bases:create"), {**FORM, "title": "x" * 101, "contact_email": "pas-une-adresse"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Assurez-vous que cette valeur comporte au plus 100 caractères" in html
    assert "Saisissez une adresse de courriel valide." in html
    assert not BasePage.objects.filter(title__startswith="xxx").exists()


def test_signing_in_is_needed_to_create_a_base(client):
    response = client.get(reverse("bases:create"))
    assert response.status_code == 302 and "next=/bases/creer/" in response.url


def test_two_bases_with_the_same_name_get_distinct_addresses():
    first = create_base(factories.contributor(), "Les aidants", contact_email="a@exemple.fr")
    second = create_base(factories.contributor(), "Les aidants", contact_email="b@exemple.fr")
    assert (first.slug, second.slug) == ("les-aidants", "les-aidants-2")
    assert first.members_group != second.members_group


def test_a_failure_half_way_leaves_nothing_behind():
    creator = factories.contributor()

    def snapshot():
        return (
            BasePage.objects.count(),
            Group.objects.count(),
            GroupPagePermission.objects.count(),
            Workflow.objects.count(),
            Membership.objects.count(),
        )

    before = snapshot()
    with connection.cursor() as cursor:
        # A real database error at the workflow step, after the page and groups were written.
        cursor.execute(
            "CREATE FUNCTION lb_simulated_failure() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'panne simulée'; END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER lb_simulated_failure BEFORE INSERT ON wagtailcore_workflowpage "
            "FOR EACH ROW EXECUTE FUNCTION lb_simulated_failure()"
        )
    with pytest.raises(DatabaseError, match="panne simulée"):
        create_base(creator, "Base inachevée", contact_email="x@exemple.fr")
    assert snapshot() == before
    assert not creator.groups.exclude(name="Contributeurs").exists()
