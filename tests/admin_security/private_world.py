"""A small world of private things, each carrying unique markers, and the six viewers who look at it.

Every marker is a lowercase word of letters that appears nowhere else (the demo content included), so
that finding it in a response means the response shows that private thing. ``MARKERS`` says, for each
one, which viewers may read it; the owners of the private things are not among the viewers.
"""

import io
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Collection as MediaCollection
from wagtail.models import GroupCollectionPermission, PageViewRestriction
from wagtail.rich_text import RichText

from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP
from bases.creation import create_base
from bases.membership import invite, join, request_to_join
from bases.models import BaseIndexPage
from bases.roles import Role
from community import collections
from home.models import SiteFeedback
from notifications.models import Kind, Notification
from opendata import export
from resources import feedback
from resources.models import Rating, ResourceIndexPage, ResourcePage
from search.models import SearchLog
from tests import factories
from tests.conftest import client_for

# The word every private title shares, so that one search finds them all (searching for a marker
# itself would prove nothing: a page may echo the query).
SEARCH_WORD = "zorglub"

VIEWERS = ("anonymous", "contributor", "other_member", "member", "moderator", "admin")

# Who may read what. "member" is a member (not an admin) of the private base; "other_member" a member
# of another, public, base; "admin" is in the *Administrateurs* group (not a superuser, who bypasses
# every permission check); "moderator" is in *Modérateurs*.
BASE_READERS = frozenset({"member", "admin"})  # the private base and everything in it
PLATFORM_ADMINS = frozenset({"admin"})  # another user's private or unpublished things
OTHER_BASE_EDITORS = frozenset({"other_member", "admin"})  # a draft revision in the public base
STAFF = frozenset({"moderator", "admin"})  # e-mail addresses, reports: moderators read users
ACQUAINTANCES = frozenset({"member", "moderator", "admin"})  # a private profile's name

MARKERS = {
    # The private base: its title, slug (hence URLs), description and contact address; its public
    # collection stays with it (a public collection of a private base is seen by its readers only).
    "mkbasetitle": BASE_READERS,
    "mkbaseslug": BASE_READERS,
    "mkbasedesc": BASE_READERS,
    "mkbasemail": BASE_READERS,
    "mkbasecolltitle": BASE_READERS,
    # A private resource in the private base, its body, its file and image, and a member's rating.
    "mkrestitle": BASE_READERS,
    "mkresslug": BASE_READERS,
    "mkresdesc": BASE_READERS,
    "mkresbody": BASE_READERS,
    "mkbdoctitle": BASE_READERS,
    "mkbdocfile": BASE_READERS,
    "mkbdoccontent": BASE_READERS,
    "mkbdoctag": BASE_READERS,
    "mkbimgtitle": BASE_READERS,
    "mkbimgfile": BASE_READERS,
    "mkbimgtag": BASE_READERS,
    "mkbimgpixels": BASE_READERS,
    "mkratingcomment": BASE_READERS,
    "mkreplytext": BASE_READERS,
    # Who was invited to the private base: its members read the base's history.
    "mkinvitemail": BASE_READERS,
    # The owner's private personal resource, with its file and image.
    "mkpersotitle": PLATFORM_ADMINS,
    "mkpersoslug": PLATFORM_ADMINS,
    "mkpersobody": PLATFORM_ADMINS,
    "mkpdoctitle": PLATFORM_ADMINS,
    "mkpdocfile": PLATFORM_ADMINS,
    "mkpdoccontent": PLATFORM_ADMINS,
    "mkpimgtitle": PLATFORM_ADMINS,
    "mkpimgfile": PLATFORM_ADMINS,
    "mkpimgpixels": PLATFORM_ADMINS,
    # The owner's personal draft, never published, with the file and image only it uses.
    "mkdrafttitle": PLATFORM_ADMINS,
    "mkdraftslug": PLATFORM_ADMINS,
    "mkdraftbody": PLATFORM_ADMINS,
    "mkddoctitle": PLATFORM_ADMINS,
    "mkddocfile": PLATFORM_ADMINS,
    "mkddoccontent": PLATFORM_ADMINS,
    "mkdimgtitle": PLATFORM_ADMINS,
    "mkdimgfile": PLATFORM_ADMINS,
    "mkdimgpixels": PLATFORM_ADMINS,
    # A file and an image the owner has just uploaded, used nowhere yet.
    "mkudoctitle": PLATFORM_ADMINS,
    "mkudocfile": PLATFORM_ADMINS,
    "mkudoccontent": PLATFORM_ADMINS,
    "mkuimgtitle": PLATFORM_ADMINS,
    "mkuimgfile": PLATFORM_ADMINS,
    "mkuimgpixels": PLATFORM_ADMINS,
    # The owner's private collection, searches, answer to the questionnaire, and a redirect.
    "mkcolltitle": PLATFORM_ADMINS,
    "mksearchquery": PLATFORM_ADMINS,
    "mkfeedbackcomment": PLATFORM_ADMINS,
    "mkfeedbackmail": PLATFORM_ADMINS,
    "mkredirectpath": PLATFORM_ADMINS,
    # A live public resource of the other base whose newer revision is not published, with a file
    # that only this revision uses.
    "mkrevtitle": OTHER_BASE_EDITORS,
    "mkrevbody": OTHER_BASE_EDITORS,
    "mkrdoctitle": OTHER_BASE_EDITORS,
    "mkrdocfile": OTHER_BASE_EDITORS,
    "mkrdoccontent": OTHER_BASE_EDITORS,
    "mkrdoctag": OTHER_BASE_EDITORS,
    # People: the owner's address, a report's text, the owner's name (a private profile).
    "mkownermail": STAFF,
    "mkreportdesc": STAFF,
    "mkownerfirst": ACQUAINTANCES,
    "mkownerlast": ACQUAINTANCES,
}

# Each private image is filled with a colour of its own: a response that decodes as an image of that
# colour serves the image (or a rendition of it), whatever its URL or file name.
IMAGE_COLOURS = {
    "mkbimgpixels": (201, 17, 93),
    "mkpimgpixels": (17, 201, 93),
    "mkdimgpixels": (93, 17, 201),
    "mkuimgpixels": (201, 93, 17),
}


@dataclass
class World:
    objects: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)  # viewer → session key (None: anonymous)

    def __getitem__(self, key):
        return self.objects[key]

    def client(self, viewer) -> Client:
        client = Client()
        if self.sessions[viewer]:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[viewer]
        return client


def build_world() -> World:
    """Create the private things and the viewers; return them by name, with a signed-in session per
    viewer."""
    o = {}
    o["owner"] = owner = factories.contributor(
        email="mkownermail@example.org", first_name="Mkownerfirst", last_name="Mkownerlast", is_public=False
    )
    o["member"] = factories.contributor(first_name="Mireille", last_name="Membre")
    o["other_member"] = factories.contributor(first_name="Octave", last_name="Voisin")
    o["contributor"] = factories.contributor(first_name="Nina", last_name="Nouvelle")
    o["moderator"] = factories.contributor(first_name="Modeste", last_name="Modère")
    o["moderator"].groups.add(Group.objects.get(name=MODERATORS_GROUP))
    o["admin"] = factories.contributor(first_name="Adrien", last_name="Plateforme")
    o["admin"].groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    o["other_owner"] = factories.contributor(first_name="Odile", last_name="Ouverte", is_public=True)
    o["requester"] = factories.contributor(first_name="Rémi", last_name="Demandeur")

    o["bases_index"] = BaseIndexPage.objects.get()
    o["resources_index"] = ResourceIndexPage.objects.get()
    o["private_base"] = base = create_base(
        owner,
        f"Base mkbasetitle {SEARCH_WORD}",
        slug="mkbaseslug",
        is_public=False,
        description="<p>mkbasedesc</p>",
        contact_email="mkbasemail@example.org",
    )
    join(base, o["member"], Role.MEMBER, by=owner)
    o["other_base"] = other_base = factories.base(
        title="Base ouverte de l'audit", owner=o["other_owner"], members=[o["other_member"]]
    )
    base_media = _media_collection_of(base)

    o["bdoc"] = _document("mkbdoc", owner, base_media)
    o["bimg"] = _image("mkbimg", owner, base_media)
    o["pdoc"] = _document("mkpdoc", owner)
    o["pimg"] = _image("mkpimg", owner)
    o["ddoc"] = _document("mkddoc", owner)
    o["dimg"] = _image("mkdimg", owner)
    o["udoc"] = _document("mkudoc", owner)
    o["uimg"] = _image("mkuimg", owner)

    o["private_resource"] = factories.resource(
        parent=base,
        owner=owner,
        title=f"Fiche mkrestitle {SEARCH_WORD}",
        slug="mkresslug",
        description="mkresdesc",
        is_public=False,
        body=_body("mkresbody", o["bdoc"], o["bimg"]),
    )
    o["personal_resource"] = factories.resource(
        owner=owner,
        title=f"Fiche mkpersotitle {SEARCH_WORD}",
        slug="mkpersoslug",
        is_public=False,
        body=_body("mkpersobody", o["pdoc"], o["pimg"]),
    )
    o["draft"] = factories.resource(
        owner=owner,
        title=f"Fiche mkdrafttitle {SEARCH_WORD}",
        slug="mkdraftslug",
        publish=False,
        body=_body("mkdraftbody", o["ddoc"], o["dimg"]),
    )
    o["revised"] = revised = factories.resource(
        parent=other_base, owner=o["other_owner"], title="Fiche publique révisée", slug="fiche-revisee"
    )
    o["rdoc"] = _document("mkrdoc", o["other_owner"])
    revised.title = f"Fiche mkrevtitle {SEARCH_WORD}"
    revised.body = [
        ("text", RichText("<p>mkrevbody</p>")),
        ("file", {"document": o["rdoc"], "title": "", "caption": "", "show_preview": False}),
    ]
    revised.save_revision(user=o["other_owner"])
    o["public_resource"] = factories.resource(
        parent=other_base, owner=o["other_owner"], title="Fiche publique"
    )

    # A member's change to the private resource, waiting for the base admins' approval.
    private_resource = ResourcePage.objects.get(pk=o["private_resource"].pk)
    private_resource.save_revision(user=o["member"])
    o["workflow_state"] = private_resource.get_workflow().start(private_resource, o["member"])
    o["task_state"] = o["workflow_state"].current_task_state
    o["base_task"] = o["task_state"].task
    o["base_workflow"] = o["workflow_state"].workflow

    o["private_collection"] = collections.create_collection(owner, f"Collection mkcolltitle {SEARCH_WORD}")
    collections.save_resource(o["private_collection"], o["personal_resource"], by=owner)
    o["base_collection"] = collections.create_collection(
        owner, f"Collection mkbasecolltitle {SEARCH_WORD}", base=base, is_public=True
    )
    collections.save_resource(o["base_collection"], o["private_resource"], by=owner)
    o["other_collection"] = collections.create_collection(
        o["other_member"], "Collection de la base ouverte", base=other_base, is_public=True
    )
    collections.save_resource(o["other_collection"], o["public_resource"], by=o["other_member"])
    # Given before its editors stopped rating (feedback.may_rate): such ratings remain, as imported.
    o["rating"] = Rating.objects.create(
        resource=o["private_resource"], user=o["member"], value=4, comment="mkratingcomment"
    )
    o["reply"] = feedback.reply(o["rating"], by=owner, text="mkreplytext")
    # The reply notified the rating's author, naming the private resource.
    o["notification"] = Notification.objects.get(recipient=o["member"], kind=Kind.REPLIED)
    o["report"] = feedback.report(
        revised, by=o["requester"], reason="inapproprie", description="mkreportdesc"
    )
    o["invitation"], _token = invite(base, "mkinvitemail@example.org", Role.MEMBER, by=owner)
    o["join_request"] = request_to_join(other_base, o["requester"])
    o["search_log"] = SearchLog.objects.create(
        query=f"mksearchquery {SEARCH_WORD}", tab="ressources", result_count=0, duration_ms=3, user=owner
    )
    o["site_feedback"] = SiteFeedback.objects.create(
        rating=2, difficulty="autre", comment="mkfeedbackcomment", contact_email="mkfeedbackmail@example.org"
    )
    o["redirect"] = Redirect.objects.create(old_path="/mkredirectpath", redirect_page=o["private_resource"])
    o["base_media_collection"] = base_media
    o["private_base_restriction"] = PageViewRestriction.objects.get(page=base)
    o["revised_path"] = revised.get_url().lstrip("/")
    o["private_base_path"] = base.get_url().lstrip("/")
    # The block chooser's previews: a block is named by the id of its definition.
    for name, block in ResourcePage.body.field.stream_block.child_blocks.items():
        o[f"block_{name}"] = block.definition_prefix
    o["members_group"] = Group.objects.get(pk=base.members_group_id)

    # The open-data files as the daily job leaves them, served to every viewer.
    export.export()

    for key in ("private_base", "private_resource", "personal_resource", "draft", "revised"):
        o[key] = o[key].specific_class.objects.get(pk=o[key].pk)
    sessions = {viewer: _session_for(o.get(viewer)) for viewer in VIEWERS}
    return World(objects=o, sessions=sessions)


def _media_collection_of(base):
    """The base's own media collection when base creation makes one (found, as Wagtail knows it, by
    the permissions of the base's groups), else the root collection."""
    collection = (
        MediaCollection.objects.filter(
            pk__in=GroupCollectionPermission.objects.filter(
                group_id__in=[base.members_group_id, base.admins_group_id]
            ).values("collection_id")
        )
        .order_by("-depth")
        .first()
    )
    return collection or MediaCollection.get_first_root_node()


def _document(marker, owner, collection=None):
    document = factories.document(
        title=f"{marker}title {SEARCH_WORD}",
        owner=owner,
        name=f"{marker}file.pdf",
        content=f"%PDF-1.4\n{marker}content\n%%EOF\n".encode(),
    )
    document.tags.add(f"{marker}tag")
    if collection is not None:
        document.collection = collection
        document.save()
    return document


def _image(marker, owner, collection=None):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), IMAGE_COLOURS[f"{marker}pixels"]).save(buffer, format="PNG")
    image = get_image_model().objects.create(
        title=f"{marker}title {SEARCH_WORD}",
        file=ImageFile(buffer, name=f"{marker}file.png"),
        collection=collection or MediaCollection.get_first_root_node(),
        uploaded_by_user=owner,
    )
    image.tags.add(f"{marker}tag")
    return image


def _body(marker, document, image):
    return [
        ("text", RichText(f"<p>{marker}</p>")),
        ("file", {"document": document, "title": "", "caption": "", "show_preview": False}),
        ("image", {"image": image, "alt_text": "Une image", "decorative": False, "caption": ""}),
    ]


def _session_for(user):
    """A signed-in session, platform staff's having passed their second factor as they must before
    reaching anything (``tests.conftest.client_for``)."""
    if user is None:
        return None
    return client_for(user).cookies[settings.SESSION_COOKIE_NAME].value
