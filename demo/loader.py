"""Demo content on top of the site's structure (home/bootstrap.py): a superuser, a moderator, users,
bases, resources, what the home page puts forward, and the readers' activity. Never for production.

Every function finds what exists before creating anything, so a second run changes nothing.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from accounts.roles import MODERATORS_GROUP
from bases.media import file_existing_media
from bases.models import BasePage
from demo.bases import load_demo_highlights
from demo.community import load_demo_community
from demo.resources import DEMO_PASSWORD, load_demo_resources
from home.bootstrap import bootstrap_site
from home.models import HomeFeaturedBase, HomeFeaturedProfile, HomeFeaturedResource, HomePage, SiteFeedback
from resources.models import ResourcePage

SUPERUSER_EMAIL = "admin@lesbases.local"
SUPERUSER_PASSWORD = "lesbases-demo-admin"
MODERATOR_EMAIL = "mona.moderatrice@lesbases.local"


@transaction.atomic
def load_demo(activity: bool = True) -> list[str]:
    """Create what is missing and return what was created, in words. ``activity`` adds the readers'
    life (views, ratings, a report, collections, follows); tests start without it and make their own."""
    created = []
    site = bootstrap_site(created)
    _moderator(created)
    _superuser(created)
    load_demo_resources(site.resources, created)
    # The demo's pictures and documents go where an upload would: their base's or their uploader's.
    file_existing_media()
    load_demo_highlights(created)
    _home_featured_items(site.home, created)
    _site_feedback(created)
    if activity:
        load_demo_community(created)
    return created


# What the home page puts forward: demo resources, bases (by slug) and profiles (by email).
HOME_FEATURED = {
    "resources": [
        "animer-un-cafe-numerique-en-milieu-rural",
        "parcours-autonomie-numerique-en-6-seances",
        "reconnaitre-un-message-d-hameconnage",
    ],
    "bases": ["mediation-numerique-en-bretagne", "association-connexions-solidaires"],
    "profiles": ["camille.lefevre@lesbases.local", "karim.benali@lesbases.local"],
}


def _home_featured_items(home: HomePage, created: list[str]) -> None:
    """Put demo items forward on the home page, through a published revision as an editor would."""
    if home.featured_resources.exists() or home.featured_bases.exists() or home.featured_profiles.exists():
        return
    resources = {page.slug: page for page in ResourcePage.objects.filter(slug__in=HOME_FEATURED["resources"])}
    bases = {page.slug: page for page in BasePage.objects.filter(slug__in=HOME_FEATURED["bases"])}
    users = {
        user.email: user for user in get_user_model().objects.filter(email__in=HOME_FEATURED["profiles"])
    }
    home.featured_resources = [
        HomeFeaturedResource(resource=resources[slug])
        for slug in HOME_FEATURED["resources"]
        if slug in resources
    ]
    home.featured_bases = [
        HomeFeaturedBase(base=bases[slug]) for slug in HOME_FEATURED["bases"] if slug in bases
    ]
    home.featured_profiles = [
        HomeFeaturedProfile(profile=users[email]) for email in HOME_FEATURED["profiles"] if email in users
    ]
    home.save_revision().publish()
    created.append("mises en avant de la page d'accueil")


def _site_feedback(created: list[str]) -> None:
    """An answer to « Je donne mon avis », to see how the admin lists them."""
    if SiteFeedback.objects.exists():
        return
    SiteFeedback.objects.create(
        rating=8,
        difficulty=SiteFeedback.Difficulty.SEARCH,
        comment="Des fiches très utiles pour mes ateliers. J'aimerais filtrer par département.",
        contact_email="thomas.girard@lesbases.local",
    )
    created.append("avis sur le site")


def _superuser(created: list[str]) -> None:
    User = get_user_model()
    if User.objects.filter(email=SUPERUSER_EMAIL).exists():
        return
    User.objects.create_superuser(SUPERUSER_EMAIL, SUPERUSER_PASSWORD, first_name="Admin", last_name="Démo")
    created.append("superutilisateur")


def _moderator(created: list[str]) -> None:
    """A member of the platform's *Modérateurs* group, to try that role."""
    User = get_user_model()
    if User.objects.filter(email=MODERATOR_EMAIL).exists():
        return
    moderator = User.objects.create_user(
        MODERATOR_EMAIL, DEMO_PASSWORD, first_name="Mona", last_name="Modératrice", is_public=True
    )
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    created.append("modératrice")
