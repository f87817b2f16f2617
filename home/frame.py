"""The DSFR header and footer menus, cached per site.

Rendering the menus costs a dozen queries a page. Their fragments are cached under a key made of
the site, a version and the menu links the current path is in (they carry ``aria-current``). The
version lives in a small per-site state; saving a setting, a menu, or publishing, moving or deleting
a page shown in a menu deletes that state, and with it every fragment built from the old version.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject, cached_property
from wagtail.contrib.settings.context_processors import SettingModuleProxy, SettingProxy
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail_dsfr.content_manager.models import CmsDsfrConfig, MegaMenu
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

SKIPLINKS = [
    {"link": "#content", "label": "Contenu"},
    {"link": "#fr-navigation", "label": "Menu"},
    {"link": "#footer", "label": "Pied de page"},
]


def _state_key(site_id: int) -> str:
    return f"frame-state:{site_id}"


def _build_state(site: Site) -> dict:
    items = [
        *MainMenuItem.objects.filter(menu__site=site).select_related("link_page"),
        *FlatMenuItem.objects.filter(menu__site=site).select_related("link_page"),
    ]
    pages = [item.link_page for item in items if item.link_page]
    # Sub-menus list the live children of a menu page that are shown in menus.
    children = Page.objects.none()
    for page in pages:
        children |= Page.objects.child_of(page).live().in_menu()
    children = list(children)
    links = [*(page.get_url(current_site=site) for page in [*pages, *children]), *(i.link_url for i in items)]
    return {
        "version": uuid.uuid4().hex,
        "config": CmsDsfrConfig.for_site(site),
        "hrefs": sorted({href for href in links if href and href.startswith("/")}),
        "page_ids": sorted({page.pk for page in [*pages, *children]}),
    }


def frame_state(site: Site) -> dict:
    key = _state_key(site.pk)
    state = cache.get(key)
    if state is None:
        state = _build_state(site)
        cache.set(key, state, settings.FRAME_CACHE_TIMEOUT)
    return state


def _is_active(href: str, path: str) -> bool:
    # As wagtailmenus marks them: the home page only on itself, other pages on their descendants too.
    return path == href or (href != "/" and path.startswith(href))


FRAGMENTS = (
    "brand",
    "operator-logo",
    "burger-menu",
    "service-title",
    "service-tagline",
    "header-tools",
    "header-search",
    "main-menu",
    "follow",
    "footer-brand",
    "footer-description",
    "footer-links",
)


class Frame:
    """What the frame templates need to find their cached fragments (``{% framecache %}``)."""

    timeout = settings.FRAME_CACHE_TIMEOUT

    def __init__(self, request):
        self.request = request

    @cached_property
    def state(self) -> dict | None:
        site = Site.find_for_request(self.request)
        return None if site is None else frame_state(site)

    @cached_property
    def cache_key(self) -> str:
        state = self.state
        if state is None:
            return "no-site"
        active = "|".join(href for href in state["hrefs"] if _is_active(href, self.request.path))
        return f"{state['config'].site_id}.{state['version']}.{hashlib.md5(active.encode()).hexdigest()}"

    def _fragment_key(self, name: str) -> str:
        return f"frame-fragment:{self.cache_key}:{name}"

    @cached_property
    def fragments(self) -> dict[str, str]:
        """Every cached fragment of this frame, fetched at once when the first one is rendered."""
        keys = {self._fragment_key(name): name for name in FRAGMENTS}
        return {keys[key]: html for key, html in cache.get_many(list(keys)).items()}

    def store(self, name: str, html: str) -> None:
        cache.set(self._fragment_key(name), html, self.timeout)
        self.fragments[name] = html


class FrameSettingProxy(SettingProxy):
    """Wagtail's ``settings`` template variable, except that the site's CmsDsfrConfig, which the
    frame reads on every page, comes with the frame state instead of a query of its own."""

    def __init__(self, frame: Frame):
        super().__init__(frame.request)
        self.frame = frame

    def __missing__(self, app_label):
        if app_label != CmsDsfrConfig._meta.app_label:
            return super().__missing__(app_label)
        self[app_label] = proxy = SettingModuleProxy(self.request_or_site, app_label)
        if self.frame.state is not None:
            proxy[CmsDsfrConfig._meta.model_name] = self.frame.state["config"]
        return proxy


def context_processor(request) -> dict:
    frame = Frame(request)
    return {
        "frame": frame,
        "settings": FrameSettingProxy(frame),
        "skiplinks": SKIPLINKS,
        # wagtail-dsfr's main menu template reads this; lazy so that a cached menu costs no query.
        "mega_menus": SimpleLazyObject(
            lambda: list(MegaMenu.objects.values_list("parent_menu_item_id", flat=True))
        ),
        "analytics": {
            "matomo_url": settings.MATOMO_URL.rstrip("/"),
            "matomo_site_id": settings.MATOMO_SITE_ID,
        },
    }


def invalidate(site_ids=None) -> None:
    """Forget the cached frame of these sites (all of them by default) once the transaction commits."""

    def delete():
        ids = site_ids if site_ids is not None else Site.objects.values_list("pk", flat=True)
        cache.delete_many([_state_key(pk) for pk in ids])

    transaction.on_commit(delete)


def _on_frame_model_change(sender, instance, **kwargs):
    invalidate()


def _on_page_change(sender, instance, **kwargs):
    forget_pages_of_frames([instance])


def forget_pages_of_frames(pages) -> None:
    """Forget the frames that show one of ``pages`` or their parents (a menu listing its children):
    what a publication, an unpublication, a move or a deletion of each does, for many at once (an
    import's new pages)."""
    # Only the frames already cached can be stale: building the others here would make every
    # publication pay for a frame nobody has asked for yet.
    sites = {_state_key(pk): pk for pk in Site.objects.values_list("pk", flat=True)}
    cached = cache.get_many(sites)
    if not cached:
        return
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    ids = {
        *(page.pk for page in pages),
        *Page.objects.filter(path__in=parent_paths).values_list("pk", flat=True),
    }
    stale = [sites[key] for key, state in cached.items() if ids & set(state["page_ids"])]
    if stale:
        invalidate(stale)


def connect_invalidation() -> None:
    for model in (CmsDsfrConfig, MainMenu, MainMenuItem, FlatMenu, FlatMenuItem, MegaMenu):
        post_save.connect(_on_frame_model_change, sender=model, dispatch_uid=f"frame-{model.__name__}-save")
        post_delete.connect(
            _on_frame_model_change, sender=model, dispatch_uid=f"frame-{model.__name__}-delete"
        )
    page_published.connect(_on_page_change, dispatch_uid="frame-page-published")
    page_unpublished.connect(_on_page_change, dispatch_uid="frame-page-unpublished")
    post_page_move.connect(_on_page_change, dispatch_uid="frame-page-moved")
    post_delete.connect(_on_page_change, sender=Page, dispatch_uid="frame-page-deleted")
