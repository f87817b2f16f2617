"""Demo content: the page tree, editorial pages, site settings, menus, a superuser and demo resources.

Every function finds what exists before creating anything, so a second run changes nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site
from wagtail_dsfr.content_manager.models import CmsDsfrConfig, ContentPage
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from accounts.roles import MODERATORS_GROUP, ensure_platform_groups
from bases.demo import load_demo_highlights
from bases.media import file_existing_media
from bases.models import BaseIndexPage, BasePage
from home.demo_community import load_demo_community
from home.models import HomeFeaturedBase, HomeFeaturedProfile, HomeFeaturedResource, HomePage, SiteFeedback
from resources.demo import DEMO_PASSWORD, load_demo_resources
from resources.models import ResourceIndexPage, ResourcePage

SITE_NAME = "Les Bases du numérique d'intérêt général"
OPERATOR = "Agence nationale de la cohésion des territoires"
SUPERUSER_EMAIL = "admin@lesbases.local"
SUPERUSER_PASSWORD = "lesbases-demo-admin"
MODERATOR_EMAIL = "mona.moderatrice@lesbases.local"

PLACEHOLDER = (
    "<p>Cette page est en cours de rédaction : son texte définitif sera publié avant l'ouverture du service. "
    "Pour toute question, écrivez à l'équipe des Bases via le centre d'aide.</p>"
)
EDITORIAL_PAGES = [
    (
        "a-propos",
        "À propos",
        "<p>Les Bases du numérique d'intérêt général rassemblent les ressources des professionnels de "
        "l'inclusion numérique : médiateurs numériques, acteurs locaux et collectivités y publient, "
        f"trouvent et organisent des ressources. Le service est opéré par l'{OPERATOR}.</p>",
    ),
    ("mentions-legales", "Mentions légales", f"<p>Éditeur : {OPERATOR}.</p>" + PLACEHOLDER),
    (
        "accessibilite",
        "Accessibilité : non conforme",
        "<p>La conformité de ce site au référentiel général "
        "d'amélioration de l'accessibilité (RGAA) n'a pas encore été auditée.</p>" + PLACEHOLDER,
    ),
    ("cgu", "Conditions générales d'utilisation", PLACEHOLDER),
    ("confidentialite", "Politique de confidentialité", PLACEHOLDER),
    (
        "centre-d-aide",
        "Centre d'aide",
        "<p>Vous trouverez bientôt ici les réponses aux questions les plus "
        "fréquentes sur la publication de ressources et la gestion des bases.</p>",
    ),
]
FOOTER_SLUGS = ["accessibilite", "mentions-legales", "confidentialite", "cgu", "centre-d-aide", "a-propos"]


@transaction.atomic
def load_demo(activity: bool = True) -> list[str]:
    """Create what is missing and return what was created, in words. ``activity`` adds the readers'
    life (views, ratings, a report, collections, follows); tests start without it and make their own."""
    created = []
    _wagtail_baseline()
    ensure_platform_groups()
    _moderator(created)
    home = _home_page(created)
    resources = _child(home, ResourceIndexPage, "ressources", "Ressources", created, show_in_menus=True)
    bases = _child(home, BaseIndexPage, "bases", "Bases", created, show_in_menus=True)
    editorial = {
        slug: _child(home, ContentPage, slug, title, created, show_in_menus=True, body=[("paragraph", text)])
        for slug, title, text in EDITORIAL_PAGES
    }
    site = Site.objects.get(is_default_site=True)
    _site_settings(site, created)
    _menus(site, [resources, bases], [editorial[slug] for slug in FOOTER_SLUGS], created)
    _superuser(created)
    load_demo_resources(resources, created)
    # The demo's pictures and documents go where an upload would: their base's or their uploader's.
    file_existing_media()
    load_demo_highlights(created)
    _home_featured_items(home, created)
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


def _wagtail_baseline() -> None:
    """What Wagtail's migrations create, for a database flushed since (as transactional tests do)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")


def _home_page(created: list[str]) -> HomePage:
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=SITE_NAME,
                slug="accueil",
                intro="Les ressources des professionnels de l'inclusion numérique, publiées et partagées "
                "par celles et ceux qui les font.",
            )
        )
        created.append("page d'accueil")
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
        created.append("site")
    elif site.root_page_id != home.pk:
        # Wagtail's initial migration points the site at its "Welcome" page, replaced by ours.
        welcome = site.root_page
        site.root_page, site.site_name = home, SITE_NAME
        site.save()
        if not isinstance(welcome.specific, HomePage) and welcome.depth == 2:
            welcome.delete()
        created.append("site")
    return home


def _child(parent, model, slug, title, created, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(title=title, slug=slug, **fields))
        page.save_revision().publish()
        created.append(f"page « {title} »")
    return page


def _site_settings(site: Site, created: list[str]) -> None:
    config = CmsDsfrConfig.for_site(site)
    if config.site_title == SITE_NAME:
        return
    config.site_title = SITE_NAME
    config.site_tagline = "Les ressources de l'inclusion numérique"
    config.header_brand = config.footer_brand = "République française"
    config.header_brand_html = config.footer_brand_html = "République<br />française"
    config.operator_logo_alt = OPERATOR
    config.footer_description = (
        f"<p>Les Bases du numérique d'intérêt général sont un service de l'{OPERATOR} (ANCT).</p>"
    )
    config.search_bar = True
    config.save()
    created.append("configuration du site")


def _menus(site: Site, main_pages, footer_pages, created: list[str]) -> None:
    main_menu = MainMenu.get_for_site(site)
    if not MainMenuItem.objects.filter(menu=main_menu).exists():
        for order, page in enumerate(main_pages):
            MainMenuItem.objects.create(menu=main_menu, link_page=page, sort_order=order)
        created.append("menu principal")
    footer, _ = FlatMenu.objects.get_or_create(site=site, handle="footer", defaults={"title": "Pied de page"})
    if not FlatMenuItem.objects.filter(menu=footer).exists():
        for order, page in enumerate(footer_pages):
            FlatMenuItem.objects.create(menu=footer, link_page=page, sort_order=order)
        created.append("menu de pied de page")


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
