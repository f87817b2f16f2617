"""Who is who for the media tests, and the files of a private base, of a public one and of each user."""

import json

import pytest
from django.contrib.auth.models import Group
from django.utils.html import escape

from accounts.roles import ADMINISTRATORS_GROUP
from tests import factories

# Viewers: a fresh contributor, a member of another base, a member of the team's bases, a platform admin.
VIEWERS = ["stranger", "outsider", "member", "platform_admin"]


def mentions(text: str, title: str) -> bool:
    """Whether ``text`` holds ``title`` as is, HTML-escaped, or JSON-encoded (in a script or attribute)."""
    encoded = json.dumps(title)[1:-1]
    return any(form in text for form in {title, escape(title), encoded, escape(encoded)})


def image_block(image, alt_text="Une photo de l'atelier"):
    return ("image", {"image": image, "alt_text": alt_text, "decorative": False, "caption": ""})


def file_block(document):
    return ("file", {"document": document, "title": "Support", "caption": "", "show_preview": False})


@pytest.fixture(scope="module")
def people(module_team):
    platform_admin = factories.contributor(first_name="Pia", last_name="Plateforme")
    platform_admin.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    outsider = factories.contributor(first_name="Oscar", last_name="Ailleurs")
    return {
        "stranger": factories.contributor(first_name="Sacha", last_name="Inconnu"),
        "outsider": outsider,
        "outsider_base": factories.base(title="Base Oscar", owner=outsider),
        "member": module_team["member"],
        "admin": module_team["admin"],
        "platform_admin": platform_admin,
    }


@pytest.fixture(scope="module")
def media(module_team, people):
    """Files of the private base (used by its resource), of the public one (used by a public
    resource), and personal uploads of the stranger and of the outsider, used by nothing yet."""
    private, public = module_team["bases"]["private"], module_team["bases"]["public"]
    files = {
        "private_image": factories.image(
            "Plan secret de la base fermée", owner=module_team["admin"], base=private
        ),
        "private_document": factories.document(
            "Compte rendu confidentiel", owner=module_team["admin"], base=private
        ),
        "public_image": factories.image(
            "Affiche de la base ouverte", owner=module_team["admin"], base=public
        ),
        "public_document": factories.document(
            "Programme de la base ouverte", owner=module_team["admin"], base=public
        ),
        "stranger_image": factories.image("Photo de Sacha", owner=people["stranger"]),
        "stranger_document": factories.document("Notes de Sacha", owner=people["stranger"]),
        "outsider_image": factories.image("Photo par Oscar", owner=people["outsider"]),
    }
    files["private_resource"] = factories.resource(
        parent=private,
        owner=module_team["admin"],
        title="Fiche interne",
        is_public=False,
        cover_image=files["private_image"],
        body=[image_block(files["private_image"]), file_block(files["private_document"])],
    )
    files["public_resource"] = factories.resource(
        parent=public,
        owner=module_team["admin"],
        title="Fiche ouverte",
        cover_image=files["public_image"],
        body=[image_block(files["public_image"]), file_block(files["public_document"])],
    )
    return files


# What each viewer may choose, by file.
CHOOSES = {
    "stranger": {"stranger_image", "stranger_document"},
    "outsider": {"outsider_image"},
    "member": {"private_image", "private_document", "public_image", "public_document"},
    "platform_admin": {
        "private_image",
        "private_document",
        "public_image",
        "public_document",
        "stranger_image",
        "stranger_document",
        "outsider_image",
    },
}
