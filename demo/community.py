"""Demo life around the demo resources: views over two months, ratings with a reply, an open report,
collections and follows. Each part is skipped when it exists already, so a second run changes nothing."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone

from accounts.lifecycle import welcome
from bases.models import BasePage
from community.collections import create_collection, save_resource
from community.follows import follow_base, follow_profile
from community.models import Collection
from demo.resources import USERS
from resources import feedback
from resources.models import Rating, Report, ResourcePage, ResourceView

# (rater, resource slug, value from 1 to 4, comment)
# Each by a reader who may not edit the resource: its editors do not rate it (``feedback.may_rate``).
RATINGS = [
    ("karim", "animer-un-cafe-numerique-en-milieu-rural", 4, "Testé dans trois communes : ça marche."),
    ("sophie", "animer-un-cafe-numerique-en-milieu-rural", 4, ""),
    ("thomas", "animer-un-cafe-numerique-en-milieu-rural", 3, "Prévoir plus de temps pour l'installation."),
    ("camille", "parcours-autonomie-numerique-en-6-seances", 4, "Le parcours que j'utilise désormais."),
    ("thomas", "parcours-autonomie-numerique-en-6-seances", 3, ""),
    ("sophie", "reconnaitre-un-message-d-hameconnage", 3, "Les exemples parlent aux participants."),
    ("thomas", "reconnaitre-un-message-d-hameconnage", 2, "Il manque les arnaques par SMS."),
    ("lucie", "quiz-vocabulaire-du-numerique", 2, ""),
    ("thomas", "choisir-un-mot-de-passe-solide", 1, "Les conseils ne suivent plus les recommandations."),
]
REPLY = (
    "reconnaitre-un-message-d-hameconnage",
    "thomas",
    "Merci, une section sur les SMS frauduleux arrive dans la prochaine version.",
)
REPORT = (
    "lucie",
    "choisir-un-mot-de-passe-solide",
    "obsolete",
    "La longueur minimale conseillée a changé depuis la publication de cette fiche.",
)
# (owner key, base slug or None, title, description, public, resource slugs)
COLLECTIONS = [
    (
        "camille",
        None,
        "Premiers pas avec les seniors",
        "Les fiches que j'utilise pour les ateliers des résidences autonomie.",
        True,
        [
            "atelier-premiers-pas-sur-tablette",
            "installer-une-application-de-visioconference",
            "trier-ses-photos-sur-smartphone",
        ],
    ),
    (
        "camille",
        "mediation-numerique-en-bretagne",
        "Sélection du réseau breton",
        "Les ressources que le réseau recommande aux nouveaux médiateurs.",
        True,
        ["animer-un-cafe-numerique-en-milieu-rural", "parcours-autonomie-numerique-en-6-seances"],
    ),
    ("karim", None, "À relire", "", False, ["reconnaitre-un-message-d-hameconnage"]),
]
FAVORITES = [
    ("thomas", "animer-un-cafe-numerique-en-milieu-rural"),
    ("lucie", "quiz-vocabulaire-du-numerique"),
]
BASE_FOLLOWS = [
    ("thomas", "mediation-numerique-en-bretagne"),
    ("lucie", "mediation-numerique-en-bretagne"),
    ("julien", "association-connexions-solidaires"),
    ("camille", "conseillers-numeriques-du-nord"),
]
PROFILE_FOLLOWS = [("thomas", "camille"), ("lucie", "camille"), ("camille", "karim")]
VIEW_DAYS = 60


def load_demo_community(created: list[str]) -> None:
    by_email = {
        user.email: user
        for user in get_user_model().objects.filter(email__in=[spec["email"] for spec in USERS])
    }
    users = {spec["key"]: by_email[spec["email"]] for spec in USERS}
    for user in users.values():
        welcome(user)
    _views(created)
    _ratings(users, created)
    _report(users, created)
    _collections(users, created)
    _follows(users, created)


def _views(created: list[str]) -> None:
    """Views spread over the last two months, so that the statistics have series to draw."""
    if ResourceView.objects.exists():
        return
    draw = random.Random(2026)
    now = timezone.now()
    rows = [
        ResourceView(
            resource=resource,
            visit_hash=f"demo-{resource.pk}-{number}",
            viewed_at=now - timedelta(days=draw.uniform(0, VIEW_DAYS)),
        )
        for resource in ResourcePage.objects.live()
        for number in range(draw.randint(3, 60))
    ]
    ResourceView.objects.bulk_create(rows)
    for resource in ResourcePage.objects.annotate(counted=Count("views")):
        ResourcePage.objects.filter(pk=resource.pk).update(views_count=resource.counted)
    created.append(f"{len(rows)} vues de ressources")


def _resources(slugs) -> dict[str, ResourcePage]:
    return {page.slug: page for page in ResourcePage.objects.filter(slug__in=slugs)}


def _ratings(users: dict, created: list[str]) -> None:
    if Rating.objects.exists():
        return
    resources = _resources({slug for _rater, slug, _value, _comment in RATINGS})
    for rater, slug, value, comment in RATINGS:
        feedback.rate(resources[slug], users[rater], value, comment)
    slug, rater, text = REPLY
    rating = Rating.objects.get(resource__slug=slug, user=users[rater])
    feedback.reply(rating, rating.resource.owner, text)
    created.append(f"{len(RATINGS)} recommandations et une réponse")


def _report(users: dict, created: list[str]) -> None:
    if Report.objects.exists():
        return
    reporter, slug, reason, description = REPORT
    feedback.report(ResourcePage.objects.get(slug=slug), users[reporter], reason, description)
    created.append("un signalement à traiter")


def _collections(users: dict, created: list[str]) -> None:
    if Collection.objects.filter(is_favorites=False).exists():
        return
    for owner, base_slug, title, description, is_public, slugs in COLLECTIONS:
        base = BasePage.objects.get(slug=base_slug) if base_slug else None
        collection = create_collection(
            users[owner], title, base=base, description=description, is_public=is_public
        )
        resources = _resources(slugs)
        for slug in slugs:
            save_resource(collection, resources[slug], users[owner])
    for owner, slug in FAVORITES:
        favorites = Collection.objects.get(owner=users[owner], is_favorites=True)
        save_resource(favorites, ResourcePage.objects.get(slug=slug), users[owner])
    created.append(f"{len(COLLECTIONS)} collections")


def _follows(users: dict, created: list[str]) -> None:
    bases = {
        base.slug: base for base in BasePage.objects.filter(slug__in={slug for _user, slug in BASE_FOLLOWS})
    }
    before = users["thomas"].followed_bases.exists()
    for follower, slug in BASE_FOLLOWS:
        follow_base(bases[slug], users[follower])
    for follower, profile in PROFILE_FOLLOWS:
        follow_profile(users[profile], users[follower])
    if not before:
        created.append("abonnements à des bases et des profils")
