"""The site every installation starts from: the page tree, editorial pages, site settings, menus and the
groups of the platform — nothing personal. The demo (demo/) and the tests build on it.

Every step finds what exists before creating anything, so a second run changes nothing.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site, Task, Workflow
from wagtail.rich_text import RichText
from wagtail_dsfr.content_manager.models import CmsDsfrConfig, ContentPage
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from accounts.roles import ensure_platform_groups
from bases.media import file_existing_media
from bases.models import BaseIndexPage
from home import accessibility
from home.models import HomePage
from resources.models import ResourceIndexPage
from resources.permissions import ensure_contributors_group

SITE_NAME = "Les Bases du numérique d'intérêt général"
OPERATOR = "Agence nationale de la cohésion des territoires"

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
    ("accessibilite", accessibility.TITLE, accessibility.STATEMENT),
    ("cgu", "Conditions générales d'utilisation", PLACEHOLDER),
    ("confidentialite", "Politique de confidentialité", PLACEHOLDER),
    (
        "centre-d-aide",
        "Centre d'aide",
        "<h2>Publier une ressource</h2>"
        "<ol><li>Connectez-vous, puis ouvrez « Mon espace » et cliquez sur « Publier une ressource ».</li>"
        "<li>Choisissez où la publier : sur votre profil, ou dans une de vos bases.</li>"
        "<li>Donnez-lui un titre et une courte description, puis composez son contenu : titres de "
        "section, textes, images, fichiers et liens.</li>"
        "<li>Dans l'onglet « Indexation », choisissez ses thématiques, son type, ses bénéficiaires et "
        "les secteurs professionnels auxquels elle s'adresse : c'est ce qui permet de la trouver.</li>"
        "<li>Cliquez sur « Publier ». Dans une base, si vous en êtes membre, la ressource est soumise "
        "à ses administrateurs, qui la valident ; vous la retrouvez en attendant dans « Mon espace ».</li>"
        "</ol><p>Tant que vous ne publiez pas, votre ressource reste un brouillon que vous seul "
        "voyez : retrouvez-la dans « Mon espace », rubrique « Mes brouillons ».</p>"
        "<h2>Travailler à plusieurs dans une base</h2>"
        "<p>Une base rassemble les ressources d'une équipe, d'une structure ou d'un réseau. Créez-en une "
        "depuis la page « Bases », puis invitez ses membres : ils y publient, et ses administrateurs "
        "valident leurs ressources dans « Mon espace », rubrique « À valider ».</p>"
        "<p>Une autre question ? Écrivez à l'équipe des Bases depuis la page « Je donne mon avis ».</p>",
    ),
]
# Wagtail's own migration (wagtailcore 0048) names its default workflow and task after the group
# « Moderators »; the editor then offers « Soumettre à Moderators approval ».
WAGTAIL_MODERATION_NAME = "Moderators approval"
MODERATION_NAME = "Validation par les modérateurs"
FOOTER_SLUGS = ["accessibilite", "mentions-legales", "confidentialite", "cgu", "centre-d-aide", "a-propos"]


@dataclass
class SiteTree:
    home: HomePage
    resources: ResourceIndexPage
    bases: BaseIndexPage
    editorial: dict[str, ContentPage]


@transaction.atomic
def ensure_groups() -> None:
    """The groups of the platform and their permissions, as the code defines them: the platform roles,
    the contributors (once ``/ressources/`` exists), each base's media collection, and the files left
    in the root collection filed where they belong; with them, the French name of Wagtail's default
    moderation. Run after every ``migrate`` (``post_migrate``,
    ``home/apps.py``), so that a release brings the groups up to date, and by ``bootstrap_site``."""
    if Page.get_first_root_node() is None or Collection.get_first_root_node() is None:
        return  # a flushed database (tests): bootstrap_site creates the roots, then calls this again
    # Django creates each app's permissions as its own post_migrate comes; the groups name permissions
    # of every app, so all are created first (a no-op for those that exist).
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    ensure_platform_groups()
    name_moderation_in_french()
    resource_index = ResourceIndexPage.objects.first()
    if resource_index is not None:
        ensure_contributors_group(resource_index)
    file_existing_media()


def name_moderation_in_french() -> None:
    """Rename Wagtail's default workflow and task, as its migration created them (renamed since, or
    deleted, they are left alone)."""
    Workflow.objects.filter(name=WAGTAIL_MODERATION_NAME).update(name=MODERATION_NAME)
    Task.objects.filter(name=WAGTAIL_MODERATION_NAME).update(name=MODERATION_NAME)


@transaction.atomic
def bootstrap_site(created: list[str] | None = None) -> SiteTree:
    """Create what is missing of the site's structure; ``created`` receives what was, in words."""
    created = [] if created is None else created
    _wagtail_baseline()
    home = _home_page(created)
    resources = _child(home, ResourceIndexPage, "ressources", "Ressources", created, show_in_menus=True)
    ensure_groups()
    bases = _child(home, BaseIndexPage, "bases", "Bases", created, show_in_menus=True)
    editorial = {
        slug: _child(home, ContentPage, slug, title, created, show_in_menus=True, body=[("paragraph", text)])
        for slug, title, text in EDITORIAL_PAGES
    }
    _accessibility_statement(editorial["accessibilite"], created)
    site = Site.objects.get(is_default_site=True)
    _site_settings(site, created)
    _menus(site, [resources, bases], [editorial[slug] for slug in FOOTER_SLUGS], created)
    return SiteTree(home=home, resources=resources, bases=bases, editorial=editorial)


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
        # At the site's public address, which links in e-mails start with (Site.root_url).
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        Site.objects.create(
            hostname=address.hostname,
            port=address.port or (443 if address.scheme == "https" else 80),
            root_page=home,
            is_default_site=True,
            site_name=SITE_NAME,
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


def _accessibility_statement(page: ContentPage, created: list[str]) -> None:
    """Publish the accessibility statement on a site made before it was written, unless an administrator
    has rewritten the page since."""
    if page.title != accessibility.TITLE_BEFORE_THE_AUDIT:
        return
    page.title = accessibility.TITLE
    page.body = [("paragraph", RichText(accessibility.STATEMENT))]
    page.save_revision().publish()
    created.append("déclaration d'accessibilité")


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
    config.theme_modale_button = True  # the DSFR display settings, in the footer
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
