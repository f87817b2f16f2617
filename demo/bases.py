"""Demo bases, one of them private, with their admins and members. Existing bases and memberships
are kept as they are, so a second run changes nothing."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch

from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP
from bases import membership
from bases.creation import create_base, equip
from bases.models import BaseIndexPage, BasePage, Membership

Role = Membership.Role
PLATFORM_GROUPS = {ADMINISTRATORS_GROUP, MODERATORS_GROUP}

BASES = [
    {
        "key": "bretagne",
        "slug": "mediation-numerique-en-bretagne",
        "title": "Médiation numérique en Bretagne",
        "owner": "camille",
        "department": "35",
        "contact_email": "contact@mediation-bretagne.lesbases.local",
        "email_is_public": True,
        "website": "https://www.bretagne.bzh/",
        "description": "<p>Le réseau des médiateurs numériques bretons partage ses supports d'ateliers, ses "
        "fiches pratiques et ses retours d'expérience, des Côtes-d'Armor au Morbihan.</p>",
        "members": [("julien", Role.MEMBER)],
    },
    {
        "key": "clermont",
        "slug": "inclusion-numerique-clermont-auvergne-metropole",
        "title": "Inclusion numérique — Clermont Auvergne Métropole",
        "owner": "sophie",
        "department": "63",
        "contact_email": "inclusion-numerique@clermont.lesbases.local",
        "description": "<p>Les ressources du service inclusion numérique de la métropole : parcours "
        "d'accompagnement, outils pour les agents d'accueil et guides des démarches en ligne.</p>",
        "members": [("lucie", Role.MEMBER)],
    },
    {
        "key": "connexions",
        "slug": "association-connexions-solidaires",
        "title": "Association Connexions solidaires",
        "owner": "karim",
        "department": "93",
        "contact_email": "bonjour@connexions-solidaires.lesbases.local",
        "email_is_public": True,
        "description": "<p>Association d'éducation populaire en Seine-Saint-Denis : ateliers collectifs, "
        "permanences d'aide aux démarches et formation des aidants bénévoles.</p>",
        "members": [("camille", Role.MEMBER)],
    },
    {
        "key": "nord",
        "slug": "conseillers-numeriques-du-nord",
        "title": "Conseillers numériques du Nord",
        "owner": "karim",
        "department": "59",
        "contact_email": "conseillers-numeriques@nord.lesbases.local",
        "description": "<p>Les conseillers numériques du département mettent en commun leurs fiches "
        "d'ateliers et leurs outils d'évaluation des besoins.</p>",
        "members": [],
    },
    {
        "key": "coordination",
        "slug": "coordination-france-services-puy-de-dome",
        "title": "Coordination France services du Puy-de-Dôme",
        "owner": "sophie",
        "department": "63",
        "contact_email": "coordination@france-services-63.lesbases.local",
        "is_public": False,
        "description": "<p>Espace de travail des animateurs France services du département : comptes rendus, "
        "procédures internes et documents de travail. Réservé à ses membres.</p>",
        "members": [("lucie", Role.MEMBER)],
    },
]


def load_demo_bases(users: dict, created: list[str]) -> dict[str, BasePage]:
    """The demo bases by key, created with their members when missing."""
    index = BaseIndexPage.objects.get()
    bases = {}
    for spec in BASES:
        base = BasePage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if base is None:
            fields = {name: value for name, value in spec.items() if name not in ("key", "owner", "members")}
            base = create_base(users[spec["owner"]], **fields)
            created.append(f"base « {base.title} »")
        elif base.admins_group_id is None:
            # A base made before bases had groups (an older development database).
            equip(base, admin=users[spec["owner"]])
        for key, role in spec["members"]:
            if not base.memberships.filter(user=users[key]).exists():
                membership.join(base, users[key], role, by=users[spec["owner"]])
        bases[spec["key"]] = base
    return bases


# The highlighted resources of some demo bases (the others keep the latest ones).
HIGHLIGHTS = {
    "mediation-numerique-en-bretagne": BasePage.Highlight.MOST_VIEWED,
    "inclusion-numerique-clermont-auvergne-metropole": BasePage.Highlight.MOST_RECOMMENDED,
}


def load_demo_highlights(created: list[str]) -> None:
    """Give some demo bases another highlight than the latest resources, through a published revision."""
    for base in BasePage.objects.filter(slug__in=HIGHLIGHTS):
        if base.highlighted_resources != HIGHLIGHTS[base.slug]:
            base.highlighted_resources = HIGHLIGHTS[base.slug]
            base.save_revision().publish()
            created.append(f"mise en avant de la base « {base.title} »")


def describe_accounts(emails: list[str]) -> list[str]:
    """One line per demo account: its address and its roles in bases."""
    memberships = Prefetch("memberships", Membership.objects.select_related("base").order_by("base__title"))
    users = get_user_model().objects.filter(email__in=emails).prefetch_related(memberships, "groups")
    lines = []
    for user in users.order_by("email"):
        platform = [f"groupe {group.name}" for group in user.groups.all() if group.name in PLATFORM_GROUPS]
        roles = platform + [
            f"{m.get_role_display().lower()} de « {m.base.title} »" for m in user.memberships.all()
        ]
        description = ", ".join(roles) or "inscrit, membre d'aucune base"
        lines.append(f"{user.email} — {description}")
    return lines
