"""An import brings La Base's users, bases, resources and their contents, collections and history."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP
from bases.models import BasePage, Invitation, Membership
from community.models import BaseFollow, Collection
from labase.models import ImportedRecord
from resources.models import ResourcePage, ResourceView
from search.models import SearchLog
from tests.labase.conftest import T0

User = get_user_model()


def test_users_keep_their_profile_role_and_dates(labase):
    admin = labase.user(
        role="admin",
        email="Ada@Exemple.fr",
        slug="ada",
        first_name="Ada",
        last_name="Lovelace",
        department="69",
        website="ada.fr",
        description="Médiatrice",
        title="Conseillère numérique",
        location="Maison France services de Villeurbanne",
        is_public=False,
        last_login=T0,
    )
    labase.user(role="moderator", slug="modo")
    labase.user(role="support", slug="soutien")
    labase.user(
        role="user",
        slug="gone",
        deleted=T0,
        first_name="Partie",
        email="partie@exemple.fr",
        title="Médiateur",
    )
    labase.user(slug="public", title="Formatrice", location="Brest")

    labase.run()

    ada = User.objects.get(email="ada@exemple.fr")
    assert (ada.first_name, ada.last_name, ada.slug, ada.department) == ("Ada", "Lovelace", "ada", "69")
    assert ada.website == "https://ada.fr" and ada.description == "Médiatrice"
    assert (ada.job_title, ada.location) == (
        "Conseillère numérique",
        "Maison France services de Villeurbanne",
    )
    assert not ada.is_public and ada.last_login == T0 and ada.cgu_version == "2.0"
    assert not ada.has_usable_password()
    assert ada.groups.filter(name=ADMINISTRATORS_GROUP).exists()
    assert User.objects.get(slug="modo").groups.filter(name=MODERATORS_GROUP).exists()
    assert User.objects.get(slug="soutien").groups.filter(name=ADMINISTRATORS_GROUP).exists()
    assert Collection.objects.filter(owner=ada, is_favorites=True).count() == 1
    record = ImportedRecord.objects.get(table="users", source_id=admin)
    assert (record.object_id, record.source_slug) == (ada.pk, "ada")
    # La Base's deleted user is anonymised, and their old address leads nowhere.
    gone = User.objects.exclude(pk__in=[ada.pk]).get(first_name="Utilisateur")
    assert not gone.is_active and not gone.is_public and "partie" not in gone.email
    assert gone.job_title == gone.location == ""
    # The profile page shows them, under La Base's labels.
    about = Client().get("/profils/public/").content.decode()
    assert '<dt class="fr-text--bold">Fonction</dt><dd>Formatrice</dd>' in about
    assert '<dt class="fr-text--bold">Localisation</dt><dd>Brest</dd>' in about
    assert ImportedRecord.objects.get(table="users", object_id=gone.pk).source_slug == ""


def test_bases_come_with_members_invitations_followers_and_images(labase):
    admin, member, invited, follower = (labase.user() for _ in range(4))
    logo = labase.image(alt_text="Logo")
    base = labase.base(
        admin,
        title="Les Fabriques",
        slug="fabriques",
        is_public=False,
        image_id=logo,
        description="<p>Des <strong>ateliers</strong><script>x()</script></p>",
    )
    labase.member(base, member)
    labase.member(base, invited, accepted=None)
    labase.insert(
        "base_follows", id="00000000-0000-0000-0000-000000000001", base_id=base, follower_id=follower
    )

    labase.run()

    page = BasePage.objects.get(slug="fabriques")
    assert page.live and not page.is_public and page.get_view_restrictions().exists()
    assert page.description == page.description.replace("x()", "") and "<b>ateliers</b>" in page.description
    assert page.logo is not None and page.logo.collection_id == page.media_collection_id
    roles = dict(Membership.objects.filter(base=page).values_list("user__email", "role"))
    assert len(roles) == 2 and sorted(roles.values()) == ["admin", "member"]
    assert page.members_group.user_set.count() == 1 and page.admins_group.user_set.count() == 1
    invitation = Invitation.objects.get(base=page)
    assert invitation.answered_at is None and invitation.is_open
    assert BaseFollow.objects.filter(base=page).count() == 1


def test_resources_keep_state_taxonomy_contents_and_history(labase):
    author = labase.user()
    base = labase.base(author, slug="fabriques")
    picture = labase.image(crop_left=0.5, crop_width=0.5)
    attachment = labase.upload(name="guide.pdf")
    public = labase.resource(
        author,
        base_id=base,
        title="Atelier tablette",
        slug="atelier-tablette",
        views_count=12,
        themes=["aides_aux_demarches_administratives"],
        beneficiaries=["seniors_personnes_agees"],
        licence="no_licence",
        contents=[
            {"type": "section_title", "title": "Préparer"},
            {"type": "text", "text": '<p>Voir <a href="https://exemple.fr">le site</a></p><h2>Étape</h2>'},
            {"type": "image", "image_id": picture, "image_alt_text": "Une tablette", "caption": "Légende"},
            {"type": "file", "file_key": attachment, "title": "Le guide", "show_preview": True},
            {
                "type": "link",
                "url": "https://exemple.fr/page",
                "title": "Exemple",
                "show_preview": True,
                "linkTitle": "Titre de la page",
                "linkDescription": "Sa description",
            },
        ],
    )
    private = labase.resource(author, is_public=False, slug="privee")
    labase.resource(author, published=None, slug="brouillon", title="Brouillon")
    labase.resource(author, slug="supprimee", deleted=T0)
    labase.view(public, timestamp=T0 + timedelta(days=3))
    labase.insert(
        "search_executions",
        id="00000000-0000-0000-0000-000000000002",
        type="resources",
        query="tablette",
        duration=12,
        results=3,
        page=1,
        per_page=16,
        sorting="pertinence",
        themes=["parentalite"],
    )

    report = labase.run().report

    assert report.table("resources").imported == 3, report.lines()
    page = ResourcePage.objects.get(slug="atelier-tablette")
    assert page.live and page.is_public and page.get_parent().slug == "fabriques"
    assert page.themes == ["aide-aux-demarches-administratives"] and page.beneficiaries == ["seniors"]
    assert page.resource_types == ["ressources-pedagogiques"] and page.licence == "sans-licence"
    assert page.views_count == 12 and page.first_published_at == T0
    assert [block.block_type for block in page.body] == ["section_title", "text", "image", "file", "link"]
    text = page.body[1].value.source
    assert '<a href="https://exemple.fr">le site</a>' in text and "<h3" in text
    image = page.body[2].value
    assert image["alt_text"] == "Une tablette" and image["image"].width == 30  # cropped to its right half
    assert page.body[3].value["document"].title == "guide.pdf" and page.body[3].value["show_preview"]
    assert page.body[4].value["url"] == "https://exemple.fr/page"
    assert ResourceView.objects.filter(resource=page).count() == 1
    assert SearchLog.objects.get().filters == {"thematiques": ["parentalite"]}
    assert (
        ResourcePage.objects.get(pk=ImportedRecord.objects.get(source_id=private).object_id).is_public
        is False
    )
    draft = ResourcePage.objects.get(slug="brouillon")
    assert not draft.live and draft.latest_revision is not None and draft.title == "Brouillon"
    assert not ResourcePage.objects.filter(slug="supprimee").exists()


def test_unpublished_edits_become_a_draft_revision_over_the_live_page(labase):
    author = labase.user()
    resource = labase.resource(
        author,
        slug="fiche",
        title="Version publiée",
        updated=T0 + timedelta(days=2),
        contents=[{"type": "text", "text": "<p>Publié</p>"}],
    )
    labase.event(resource, "published", {}, T0, 1)
    labase.event(
        resource,
        "title_and_description_edited",
        {"title": "Version en cours", "description": "Neuve"},
        T0 + timedelta(days=1),
        2,
    )
    labase.event(
        resource,
        "content_added",
        {
            "id": "00000000-0000-0000-0000-0000000000aa",
            "type": "SectionTitle",
            "title": "Nouveau titre",
            "order": 0,
        },
        T0 + timedelta(days=2),
        3,
    )

    labase.run()

    page = ResourcePage.objects.get(slug="fiche")
    assert page.live and page.title == "Version publiée" and page.has_unpublished_changes
    assert [block.block_type for block in page.body] == ["text"]
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Version en cours" and draft.description == "Neuve"
    assert [block.block_type for block in draft.body] == ["section_title", "text"]


def test_collections_and_their_resources_in_order(labase):
    owner = labase.user()
    first, second = labase.resource(owner, slug="a"), labase.resource(owner, slug="b")
    favourites = labase.collection(owner, is_favorites=True, title="Favoris")
    mine = labase.collection(owner, title="Pour les ateliers", is_public=True)
    labase.collection(owner, title="Zéro d'abord", is_public=True, order=0)
    labase.collection(owner, title="Ensuite", is_public=True, order=1)
    labase.save(favourites, first)
    labase.save(mine, second, order=0)
    labase.save(mine, first, order=1)

    labase.run()

    user = User.objects.get(slug="personne-1")
    assert Collection.objects.get(owner=user, is_favorites=True).items.get().resource.slug == "a"
    collection = Collection.objects.get(title="Pour les ateliers")
    assert collection.is_public and [item.resource.slug for item in collection.items.all()] == ["b", "a"]
    assert ResourcePage.objects.get(slug="a").saves_count == 2
    # In La Base's order on the profile, those it did not order after them.
    titles = ["Mes favoris", "Zéro d'abord", "Ensuite", "Pour les ateliers"]
    assert list(Collection.objects.filter(owner=user).values_list("title", flat=True)) == titles
    profile = Client().get(f"/profils/{user.slug}/").content.decode()
    shown = [title.replace("'", "&#x27;") for title in titles[1:]]
    assert [profile.index(title) for title in shown] == sorted(profile.index(title) for title in shown)
    assert not Group.objects.filter(name__startswith="Base ").exists()
