"""Share links: a secret address that lets whoever holds it read one private page (a resource, or a
base with its resources) and nothing else, as La Base has.

Opening the link records it in the holder's session and sends them to the page's own address; each
request then checks the recorded link against the page's current one, so a disabled or renewed link
stops opening anything at once. The holder gets no account, group or permission: Wagtail's view
restriction check is only skipped for that page when serving it (``bases/wagtail_hooks.py``), while
every listing, search, sitemap and the admin keep going through ``cms.visibility``, which knows
nothing of links. Those responses are ``private, no-store``: no shared cache may keep them."""

import hashlib
import hmac
import secrets

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac
from wagtail.log_actions import log
from wagtail.models import Page

from bases.models import BasePage, ShareLink
from resources.models import ResourcePage

SESSION_KEY = "lesbases_share_links"
KEY_SALT = "lesbases.share-link"


class SharingError(Exception):
    """A refused change of a share link; its message is shown to the user as is."""


def token(link: ShareLink) -> str:
    """The secret of the link's address, derived from its nonce with the site's secret key."""
    return salted_hmac(KEY_SALT, f"{link.page_id}:{link.nonce}", algorithm="sha256").hexdigest()


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def manages(page: Page, user) -> bool:
    """Who sees and changes a page's link: a base's admins, a resource's editors."""
    if not user.is_authenticated:
        return False
    if isinstance(page, BasePage):
        return page.viewer_role(user)["is_admin"]
    if isinstance(page, ResourcePage):
        return page.permissions_for_user(user).can_edit()
    return False


def is_private(page: Page) -> bool:
    """A link is for what visitors may not read: a private page, or one inside a private base."""
    return not page.is_public or page.get_view_restrictions().exists()


def _require(page: Page, by) -> None:
    if not manages(page, by):
        raise SharingError("Seules les personnes qui gèrent cette page partagent son lien.")
    if not is_private(page):
        raise SharingError("Cette page est publique : tout le monde peut déjà la lire, sans lien.")


def _new_secret(link: ShareLink) -> None:
    link.nonce = secrets.token_hex(32)
    link.token_hash = _hash(token(link))


@transaction.atomic
def enable(page: Page, by) -> ShareLink:
    """Turn the page's link on: the same address as before if it had one, a new one otherwise."""
    _require(page, by)
    link = ShareLink.objects.select_for_update().filter(page=page).first()
    if link is None:
        link = ShareLink(page=page, created_by=by)
        _new_secret(link)
    link.enabled = True
    link.save()
    log(page, "lesbases.share_link_enabled", user=by)
    return link


def carry_over(page: Page, created_by, enabled: bool, created_at) -> ShareLink:
    """The page's link as another platform had it (La Base's import): on or off as it was, from then,
    with a secret of ours (an address of the old platform means nothing here). Whoever manages the
    page finds it in its share panel; no check of who asks, as the import writes what was decided
    there. A page that already has a link keeps its secret."""
    link = ShareLink.objects.filter(page=page).first()
    if link is None:
        link = ShareLink(page=page, created_by=created_by, created_at=created_at)
        _new_secret(link)
    link.enabled = enabled
    link.save()
    return link


@transaction.atomic
def disable(page: Page, by) -> None:
    if not manages(page, by):
        raise SharingError("Seules les personnes qui gèrent cette page partagent son lien.")
    if ShareLink.objects.filter(page=page, enabled=True).update(enabled=False):
        log(page, "lesbases.share_link_disabled", user=by)


@transaction.atomic
def renew(page: Page, by) -> ShareLink:
    """A new address; the old one stops working, for those who opened it already too."""
    _require(page, by)
    link = ShareLink.objects.select_for_update().filter(page=page).first() or ShareLink(page=page)
    _new_secret(link)
    link.enabled, link.created_by = True, by
    link.save()
    log(page, "lesbases.share_link_renewed", user=by)
    return link


def open_link(request, page_id: int, given_token: str) -> Page | None:
    """The live page whose enabled link this is, remembered in the session; None for anything else."""
    link = ShareLink.objects.select_related("page").filter(page_id=page_id, enabled=True).first()
    if link is None or not hmac.compare_digest(link.token_hash, _hash(given_token)) or not link.page.live:
        return None
    request.session[SESSION_KEY] = {
        **request.session.get(SESSION_KEY, {}),
        str(link.page_id): link.token_hash,
    }
    return link.page


def shared_page_id(request, page: Page) -> int | None:
    """The id of the page whose link this session opened and that opens ``page``: the page itself,
    or its base. A link disabled or renewed since no longer matches. No query without a link."""
    session = getattr(request, "session", None)
    opened = session.get(SESSION_KEY) if session is not None else None
    if not opened:
        return None
    base_type = ContentType.objects.get_for_model(BasePage)
    links = ShareLink.objects.filter(
        Q(page=page) | Q(page__path=page.path[: -page.steplen], page__content_type=base_type),
        enabled=True,
        page_id__in=[int(page_id) for page_id in opened],
    )
    for link in links:
        if hmac.compare_digest(link.token_hash, opened[str(link.page_id)]):
            return link.page_id
    return None


def readable_without_link(page: Page, user) -> bool:
    """Whether ``user`` reads ``page`` anyway (``cms.visibility``): then a link gives them nothing more
    and the page is served to them as to any reader, with what readers may do (rate, report)."""
    return type(page).objects.visible_to(user).filter(pk=page.pk).exists()


def keep_private(response) -> None:
    """What a link opens is for its holder alone: never kept by a shared cache, never indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_vary_headers(response, ("Cookie",))
