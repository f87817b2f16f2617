import pytest
from django.test import Client

from home.bootstrap import bootstrap_site
from tests import factories


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the site's structure (home/bootstrap.py: site, home, indexes,
    editorial pages, menus, groups) and nothing else: each test makes the users and content it needs."""
    with django_db_blocker.unblock():
        bootstrap_site()


@pytest.fixture
def superuser(db):
    return factories.superuser()


@pytest.fixture
def superuser_client(superuser):
    return client_for(superuser)


@pytest.fixture
def team(db):
    """A base admin and a member, with a public and a private base they run, each with a resource."""
    admin = factories.contributor(first_name="Adèle", last_name="Admin", is_public=True)
    member = factories.contributor(first_name="Marc", last_name="Membre")
    bases = {
        "public": factories.base(title="Base ouverte", owner=admin, members=[member]),
        "private": factories.base(title="Base fermée", owner=admin, members=[member], is_public=False),
    }
    resources = {
        visibility: factories.resource(parent=base, owner=admin, title=f"Fiche de la {base.title.lower()}")
        for visibility, base in bases.items()
    }
    return {"admin": admin, "member": member, "bases": bases, "resources": resources}


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
