"""Small factories for the objects tests need; each returns a saved object."""

import base64
import hashlib
import hmac
import io
import itertools
import secrets
import struct
import time

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from bases.creation import create_base
from bases.membership import join
from bases.roles import Role
from cms.media import personal_collection
from cms.private_api import set_file_metadata
from resources.models import ResourceIndexPage, ResourcePage
from resources.permissions import contributors_group
from tests.task_backend import index_once

_sequence = itertools.count(1)
PASSWORD = "mot-de-passe-de-test"  # every account the factories make

INDEXATION = {
    "themes": ["parentalite", "navigation-sur-internet"],
    "resource_types": ["ressources-pedagogiques"],
    "beneficiaries": ["parents"],
    "professional_sectors": ["aidants-et-mediateurs-numeriques"],
}


def contributor(email=None, **fields):
    """A registered user, in the *Contributeurs* group like every signed-up user."""
    number = next(_sequence)
    user = get_user_model().objects.create_user(
        email=email or f"contributeur{number}@example.org",
        password=PASSWORD,
        first_name=fields.pop("first_name", "Camille"),
        last_name=fields.pop("last_name", f"Martin {number}"),
        **fields,
    )
    user.groups.add(contributors_group())
    return user


def superuser(email="admin@example.org"):
    return get_user_model().objects.create_superuser(
        email, PASSWORD, first_name="Ada", last_name="Administratrice"
    )


def authenticator(user) -> str:
    """Give ``user`` an authenticator app (TOTP) with a new secret, replacing any other, and return the
    secret: the one a phone would hold after scanning the QR code. A new secret gives new codes, so that
    a test may sign the same user in twice within the 30 seconds during which a code may not be reused."""
    secret = base64.b32encode(secrets.token_bytes(20)).decode()
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt(secret)})
    return secret


def totp_code(secret: str) -> str:
    """The code an authenticator app shows for this secret now (RFC 6238: 6 digits, 30 second steps).
    Waits for the next step when this one ends within a second, so that the code is still valid when
    the server checks it."""
    if time.time() % 30 > 29:
        time.sleep(30 - time.time() % 30 + 0.05)
    counter = int(time.time() // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"


@index_once()
def base(title=None, owner=None, members=(), admins=(), **fields):
    """A base created as from the site by ``owner`` (its first admin), with these other members."""
    number = next(_sequence)
    fields.setdefault("contact_email", f"base-{number}@exemple.fr")
    page = create_base(owner or contributor(), title or f"Base {number}", slug=f"base-{number}", **fields)
    for user in members:
        join(page, user, Role.MEMBER, by=page.owner)
    for user in admins:
        join(page, user, Role.ADMIN, by=page.owner)
    return page


@index_once()
def resource(parent=None, owner=None, publish=True, **fields):
    """A resource that satisfies the publication rules, published unless told otherwise."""
    number = next(_sequence)
    page = ResourcePage(
        title=fields.pop("title", f"Ressource {number}"),
        slug=fields.pop("slug", f"ressource-{number}"),
        description=fields.pop("description", "Une fiche pratique pour les ateliers."),
        owner=owner,
        live=False,
        **{**INDEXATION, **fields},
    )
    (parent or ResourceIndexPage.objects.get()).add_child(instance=page)
    revision = page.save_revision(user=owner)
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def png_bytes(width=40, height=30, colour=(0, 0, 145)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def upload_collection(owner, base=None):
    """Where an upload lands: its base's collection, the uploader's personal uploads, or (no uploader,
    as for a file a platform admin put there) the root collection."""
    if base is not None:
        return base.media_collection
    return personal_collection() if owner else Collection.get_first_root_node()


def image(title="Atelier", owner=None, base=None):
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(io.BytesIO(png_bytes()), name="atelier.png"),
        collection=upload_collection(owner, base),
        uploaded_by_user=owner,
    )


def document(
    title="Support d'atelier", owner=None, name="support.pdf", content=b"%PDF-1.4\n%%EOF\n", base=None
):
    document = get_document_model()(
        title=title,
        file=ContentFile(content, name=name),
        collection=upload_collection(owner, base),
        uploaded_by_user=owner,
    )
    set_file_metadata(document)
    document.save()
    return document


def resource_form_data(author, title="Atelier smartphone", action="action-publish", **overrides):
    """The POST data of the admin resource form, with one block of each type."""
    picture = image(owner=author)
    attachment = document(owner=author)
    fields = {
        "title": title,
        "slug": slugify(title),
        "description": "Apprendre à se servir d'un smartphone en trois séances.",
        "body": streamfield(
            [
                ("section_title", "Avant l'atelier"),
                ("text", rich_text("<h3>Matériel</h3><ul><li>Un smartphone chargé</li></ul>")),
                (
                    "image",
                    {"image": picture.pk, "alt_text": "Un smartphone", "caption": "Modèle de démonstration"},
                ),
                ("file", {"document": attachment.pk, "title": "Fiche", "caption": "", "show_preview": "on"}),
                ("link", {"url": "https://www.example.org/", "page": "", "title": "Exemple", "caption": ""}),
            ]
        ),
        "themes": ["maitrise-des-outils-numeriques"],
        "resource_types": ["ressources-pedagogiques"],
        "beneficiaries": ["seniors"],
        "professional_sectors": ["aidants-et-mediateurs-numeriques"],
        "is_public": "on",
        "licence": "etalab-2-0",
        action: "1",
    }
    fields.update(overrides)
    fields = {key: value for key, value in fields.items() if value is not None}
    # Checkbox lists are posted as repeated keys, which nested_form_data would number instead.
    checkboxes = {key: fields.pop(key) for key in list(fields) if isinstance(fields[key], list)}
    return {**nested_form_data(fields), **checkboxes}
