import pytest
from django.test import Client

from tests import factories


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
