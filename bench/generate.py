"""A platform at scale for the search benchmark: users, bases (some private) and resources in French.

Rows go in with COPY, never through page-by-page saves: Page tree paths are computed here (treebeard's
own ``_get_path``), multi-table pages are copied into their two tables, and modelsearch's index entries
are built from modelsearch's own field texts and weights, in one statement (search.bulk_index).
"""

import random
import sys
import time
import uuid
from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, PageViewRestriction

from accounts.models import User
from accounts.roles import ADMINISTRATORS_GROUP
from bases.models import BaseIndexPage, BasePage, Membership
from cms.bulk import copy_rows, reserve_ids
from cms.reference import departments
from demo.loader import load_demo
from resources import taxonomy
from resources.models import ResourceIndexPage, ResourcePage
from search.bulk_index import index_in_bulk

# The words of digital inclusion, as médiateurs write them.
SUBJECTS = [
    "la médiation numérique",
    "les démarches en ligne",
    "l'accessibilité numérique",
    "la parentalité numérique",
    "les écrans en famille",
    "la cybersécurité",
    "les mots de passe",
    "la messagerie électronique",
    "les réseaux sociaux",
    "l'intelligence artificielle",
    "la protection des données personnelles",
    "le smartphone",
    "la tablette",
    "l'ordinateur reconditionné",
    "la sobriété numérique",
    "les logiciels libres",
    "l'identité numérique",
    "FranceConnect",
    "la recherche d'emploi en ligne",
    "l'éducation aux médias",
    "les fausses informations",
    "la santé en ligne",
    "les compétences numériques",
    "la visioconférence",
    "le cloud et le stockage",
    "les jeux vidéo",
    "la programmation",
    "les communs numériques",
    "l'inclusion numérique",
    "la fracture numérique",
]
FORMS = [
    "Atelier",
    "Guide pratique",
    "Fiche pratique",
    "Tutoriel",
    "Parcours",
    "Kit d'animation",
    "Formation",
    "Webinaire",
    "Questionnaire",
    "Retour d'expérience",
    "Outil d'évaluation",
    "Méthode",
]
AUDIENCES = [
    "pour les seniors",
    "pour les familles",
    "pour les jeunes",
    "pour les demandeurs d'emploi",
    "pour les aidants numériques",
    "pour les conseillers numériques",
    "pour les travailleurs sociaux",
    "pour les bibliothécaires",
    "pour les associations",
    "pour les personnes allophones",
    "pour les personnes en situation de handicap",
    "en milieu rural",
    "en quartier prioritaire",
    "",
]
# Each resource is about one subject; its texts mention it, then say what any practical sheet says.
ABOUT_SUBJECT = [
    "Une ressource pour comprendre {subject} et en parler simplement.",
    "Ce support aborde {subject} à travers des exemples concrets.",
    "Les participants découvrent {subject} pas à pas.",
    "Un déroulé d'atelier consacré à {subject}.",
    "Des conseils pratiques sur {subject}, testés sur le terrain.",
    "Pour accompagner les publics éloignés face à {subject}.",
]
GENERIC = [
    "Elle propose des exercices progressifs et des supports imprimables.",
    "Le déroulé dure deux heures et convient à un groupe de huit personnes.",
    "Conçue avec des travailleurs sociaux pour repérer les besoins d'accompagnement.",
    "Le kit comprend une grille d'évaluation et un livret pour les participants.",
    "Retour d'expérience d'une médiathèque qui anime un café numérique chaque semaine.",
    "Les fiches sont sous licence libre et peuvent être adaptées.",
    "Prévoir un vidéoprojecteur, une connexion et quelques ordinateurs portables.",
    "Les animateurs trouveront des questions pour lancer la discussion.",
    "Une version en français facile à lire et à comprendre est disponible.",
    "Testée dans des espaces France services en zone rurale.",
    "Chaque séance se termine par un temps d'échange et un questionnaire.",
    "Un glossaire explique les mots techniques employés.",
    "Les exemples s'appuient sur des situations de la vie quotidienne.",
    "Des variantes sont proposées pour un accompagnement individuel.",
    "Les participants repartent avec un mémo à garder chez eux.",
    "Ce contenu a été relu par des conseillers numériques.",
    "Les vidéos sont sous-titrées et accompagnées d'une transcription.",
    "Les outils présentés sont gratuits et respectueux de la vie privée.",
    "Une évaluation des acquis est proposée à la fin du parcours.",
    "Le document rappelle les bons réflexes face aux arnaques et à l'hameçonnage.",
]
SECTION_TITLES = ["Objectifs", "Déroulé", "Matériel nécessaire", "Pour aller plus loin", "Public visé"]
PLACES = [
    "Lyon",
    "Marseille",
    "Lille",
    "Rennes",
    "Nantes",
    "Bordeaux",
    "Toulouse",
    "Strasbourg",
    "Montpellier",
    "Dijon",
    "Limoges",
    "Brest",
    "Amiens",
    "Grenoble",
    "Clermont-Ferrand",
    "Besançon",
    "Poitiers",
    "Caen",
    "Nancy",
    "Perpignan",
]
BASE_KINDS = [
    "Médiathèque",
    "Espace public numérique",
    "Centre social",
    "France services",
    "Association",
    "Hub numérique",
    "Tiers-lieu",
    "Fablab",
    "Conseillers numériques",
    "Collectif",
]
FIRST_NAMES = [
    "Camille",
    "Nina",
    "Paul",
    "Léa",
    "Hugo",
    "Chloé",
    "Louis",
    "Manon",
    "Jules",
    "Inès",
    "Nathan",
    "Sarah",
    "Lucas",
    "Zoé",
    "Karim",
    "Fatou",
    "Mehdi",
    "Élodie",
    "Théo",
    "Amandine",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "Diallo",
    "Benali",
    "Nguyen",
    "Fontaine",
    "Chevalier",
]
THEME_KEYS = [theme["key"] for category in taxonomy.THEMES["categories"] for theme in category["themes"]]
TYPE_KEYS = [value["key"] for value in taxonomy.RESOURCE_TYPES["values"]]
BENEFICIARY_KEYS = [value["key"] for value in taxonomy.BENEFICIARIES["values"]]
SECTOR_KEYS = [value["key"] for value in taxonomy.PROFESSIONAL_SECTORS["values"]]


class Timer:
    """Prints each step with its row count and rate."""

    def __init__(self):
        self.started = time.perf_counter()

    def step(self, label: str, rows: int, since: float) -> None:
        seconds = time.perf_counter() - since
        print(f"  {label:<34} {rows:>8} lignes  {seconds:6.1f} s  {rows / seconds:9.0f} lignes/s", flush=True)


def add_pages(parent: Page, pages: list[Page]) -> None:
    """Children of ``parent``, with their tree paths computed as treebeard would, in two COPYs."""
    ids = reserve_ids(Page, len(pages))
    locale = Locale.get_default()
    for number, (page, page_id) in enumerate(zip(pages, ids, strict=True), start=parent.numchild + 1):
        page.id = page.page_ptr_id = page_id
        page.path = Page._get_path(parent.path, parent.depth + 1, number)
        page.depth = parent.depth + 1
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale = locale
        page.translation_key = uuid.uuid4()
        page.live = True
        page.last_published_at = page.first_published_at
    model = type(pages[0])
    copy_rows(Page, pages)
    copy_rows(model, pages, list(model._meta.local_concrete_fields))
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)


def _about(rng, subject: str) -> str:
    return rng.choice(ABOUT_SUBJECT).format(subject=subject)


def _title(rng, subject: str) -> str:
    return " ".join(part for part in (rng.choice(FORMS), subject, rng.choice(AUDIENCES)) if part)


def _description(rng, subject: str) -> str:
    return f"{_about(rng, subject)} {rng.choice(GENERIC)}"


def _body(rng, subject: str) -> list[dict]:
    blocks = []
    for title in rng.sample(SECTION_TITLES, 2):
        blocks.append({"type": "section_title", "value": title, "id": str(uuid.uuid4())})
        text = " ".join([_about(rng, subject), *rng.sample(GENERIC, 2)])
        blocks.append({"type": "text", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())})
    return blocks


def _published(rng, now):
    return now - timedelta(days=rng.randint(0, 3 * 365), minutes=rng.randint(0, 1440))


def make_users(rng, count: int, timer: Timer) -> dict[int, str]:
    """The benchmark's users, by id, with their full names."""
    since = time.perf_counter()
    department_codes = [department["code"] for department in departments()]
    now = timezone.now()
    users = []
    for number in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        users.append(
            User(
                email=f"bench-{number}@exemple.fr",
                slug=f"{slugify(first)}-{slugify(last)}-{number}",
                first_name=first,
                last_name=last,
                password="!",  # unusable: nobody signs in as a benchmark user
                department=rng.choice(department_codes),
                is_public=rng.random() < 0.7,
                date_joined=now - timedelta(days=rng.randint(0, 1000)),
            )
        )
    User.objects.bulk_create(users, batch_size=5000)
    timer.step("utilisateurs", count, since)
    created = User.objects.filter(email__startswith="bench-").values_list("pk", "first_name", "last_name")
    return {pk: f"{first} {last}" for pk, first, last in created}


def make_bases(rng, count: int, private_share: float, user_ids: list[int], timer: Timer) -> list[BasePage]:
    since = time.perf_counter()
    index = BaseIndexPage.objects.get()
    department_codes = [department["code"] for department in departments()]
    now = timezone.now()
    groups = Group.objects.bulk_create(
        [
            Group(name=f"Base banc-{number} — {role}")
            for number in range(count)
            for role in ("membres", "admins")
        ]
    )
    bases = []
    for number in range(count):
        title = f"{rng.choice(BASE_KINDS)} de {rng.choice(PLACES)} {number}"
        bases.append(
            BasePage(
                title=title,
                slug=f"banc-{number}",
                description=f"<p>{rng.choice(GENERIC)}</p>",
                contact_email=f"contact-{number}@exemple.fr",
                department=rng.choice(department_codes),
                is_public=rng.random() >= private_share,
                first_published_at=_published(rng, now),
                owner_id=rng.choice(user_ids),
                members_group=groups[2 * number],
                admins_group=groups[2 * number + 1],
            )
        )
    add_pages(index, bases)
    timer.step("bases", count, since)

    since = time.perf_counter()
    memberships, group_rows = [], []
    through = User.groups.through
    for base in bases:
        for position, user_id in enumerate(rng.sample(user_ids, rng.randint(2, 8))):
            role = Membership.Role.ADMIN if position == 0 else Membership.Role.MEMBER
            memberships.append(Membership(base_id=base.pk, user_id=user_id, role=role))
            group = base.admins_group_id if position == 0 else base.members_group_id
            group_rows.append(through(user_id=user_id, group_id=group))
    Membership.objects.bulk_create(memberships, batch_size=5000)
    through.objects.bulk_create(group_rows, batch_size=5000)
    timer.step("membres des bases", len(memberships), since)

    administrators = Group.objects.get(name=ADMINISTRATORS_GROUP)
    restrict(
        [base for base in bases if not base.is_public],
        lambda base: [base.members_group_id, base.admins_group_id, administrators.pk],
    )
    return bases


def restrict(pages: list[Page], groups_of) -> None:
    """What ``restrict_to_groups`` does page by page, for many pages at once."""
    restrictions = PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page_id=page.pk, restriction_type=PageViewRestriction.GROUPS) for page in pages],
        batch_size=5000,
    )
    through = PageViewRestriction.groups.through
    through.objects.bulk_create(
        [
            through(pageviewrestriction_id=restriction.pk, group_id=group_id)
            for restriction, page in zip(restrictions, pages, strict=True)
            for group_id in groups_of(page)
        ],
        batch_size=5000,
    )


def make_resources(rng, count: int, bases: list[BasePage], users: dict[int, str], timer: Timer) -> None:
    since = time.perf_counter()
    user_ids = list(users)
    personal_index = ResourceIndexPage.objects.get()
    now = timezone.now()
    by_parent: dict[int, list[ResourcePage]] = {}
    parents = {base.pk: base for base in bases}
    parents[personal_index.pk] = personal_index
    for number in range(count):
        # Four resources in five belong to a base; a personal one is private one time in twenty.
        base = rng.choice(bases) if rng.random() < 0.8 else None
        is_public = base.is_public if base else rng.random() >= 0.05
        subject = rng.choice(SUBJECTS)
        resource = ResourcePage(
            title=_title(rng, subject),
            slug=f"ressource-banc-{number}",
            description=_description(rng, subject),
            body=_body(rng, subject),
            themes=rng.sample(THEME_KEYS, rng.randint(1, 3)),
            resource_types=rng.sample(TYPE_KEYS, rng.randint(1, 2)),
            beneficiaries=rng.sample(BENEFICIARY_KEYS, rng.randint(0, 3)),
            professional_sectors=rng.sample(SECTOR_KEYS, rng.randint(1, 2)),
            is_public=is_public,
            views_count=int(rng.paretovariate(1.2) * 10),
            first_published_at=_published(rng, now),
            owner_id=rng.choice(user_ids),
        )
        # What ResourcePage.publisher_name() answers, without its query for the parent page.
        resource.publisher_name = base.title if base else users[resource.owner_id]
        by_parent.setdefault(base.pk if base else personal_index.pk, []).append(resource)
    for parent_id, children in by_parent.items():
        add_pages(parents[parent_id], children)
    timer.step("ressources", count, since)

    since = time.perf_counter()
    administrators = Group.objects.get(name=ADMINISTRATORS_GROUP)
    private = [resource for children in by_parent.values() for resource in children if not resource.is_public]
    base_of = {
        resource.pk: parents[parent_id] for parent_id, children in by_parent.items() for resource in children
    }

    def viewer_groups(resource):
        parent = base_of[resource.pk]
        if isinstance(parent, BasePage):
            return [parent.members_group_id, parent.admins_group_id, administrators.pk]
        return [administrators.pk]

    restrict(private, viewer_groups)
    timer.step("restrictions de ressources privées", len(private), since)

    since = time.perf_counter()
    resources = [resource for children in by_parent.values() for resource in children]
    index_in_bulk(ResourcePage, resources)
    timer.step("index de recherche (ressources)", len(resources), since)
    since = time.perf_counter()
    base_pages = list(BasePage.objects.filter(slug__startswith="banc-"))
    index_in_bulk(BasePage, base_pages)
    timer.step("index de recherche (bases)", len(base_pages), since)
    since = time.perf_counter()
    profiles = list(User.objects.filter(email__startswith="bench-"))
    index_in_bulk(User, profiles)
    timer.step("index de recherche (profils)", len(profiles), since)


def generate(resources: int, bases: int, users: int, private_share: float, seed: int = 5) -> None:
    rng = random.Random(seed)
    timer = Timer()
    since = time.perf_counter()
    load_demo()
    print(f"  {'arborescence et démo':<34} {time.perf_counter() - since:23.1f} s", flush=True)
    with transaction.atomic():
        bench_users = make_users(rng, users, timer)
        base_pages = make_bases(rng, bases, private_share, list(bench_users), timer)
        make_resources(rng, resources, base_pages, bench_users, timer)
    since = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"  {'ANALYZE':<34} {time.perf_counter() - since:23.1f} s", flush=True)
    total = users + bases + resources
    seconds = time.perf_counter() - timer.started
    print(f"  Total : {total} lignes principales en {seconds:.1f} s ({total / seconds:.0f} lignes/s)")


def ensure_platform(options, database: str) -> None:
    """Generate the platform of ``options`` (``bench.database.add_platform_arguments``) unless
    ``database`` holds it already; a platform of another size is an error."""
    existing = ResourcePage.objects.filter(slug__startswith="ressource-banc-").count()
    if existing == 0:
        print(
            f"Génération : {options.resources} ressources, {options.bases} bases "
            f"({options.private_share:.0%} privées), {options.users} utilisateurs"
        )
        generate(options.resources, options.bases, options.users, options.private_share)
    elif existing != options.resources:
        sys.exit(f"{database} contient {existing} ressources de banc : relancer avec --fresh.")
    else:
        print(f"Données déjà générées ({existing} ressources) : mesure seule (--fresh pour regénérer).")
