"""A page's address from its title, free among its siblings and from the site's own URLs."""

import functools

from django.core.exceptions import ValidationError
from django.urls import URLResolver, get_resolver, path
from django.urls.resolvers import RoutePattern
from django.utils.text import slugify
from wagtail.models import Page

# Room for a suffix (« -12 ») within the length of a readable address.
STEM_MAX = 80
RESERVED_SLUG = "Cette adresse est réservée : « {slug} » mène à une page du site. Choisissez-en une autre."


def free_slug(parent: Page, title: str, page: Page | None = None, fallback: str = "page") -> str:
    """The slug of ``title`` (``fallback`` when it has no letter or digit), followed by -2, -3… when a
    sibling under ``parent`` already has it or when the site routes it (``reserved_slugs``); ``page``
    itself, when it exists, does not count."""
    return free_slugs(parent, [title], page=page, fallback=fallback)[0]


def free_slugs(
    parent: Page, titles: list[str], page: Page | None = None, fallback: str = "page"
) -> list[str]:
    """``free_slug`` of each of ``titles`` for new pages under ``parent`` at once: each takes the first
    slug free of the siblings and of the slugs given before it in the list."""
    return free_slugs_under({parent: titles}, page=page, fallback=fallback)[parent.pk]


def free_slugs_under(
    titles: dict[Page, list[str]], page: Page | None = None, fallback: str = "page"
) -> dict[int, list[str]]:
    """``free_slugs`` under several parents at once (parent → titles), by parent id: one query for the
    slugs wanted as they are (by the slugs' index, whatever the number of siblings), and one more per
    slug already taken, for its numbered forms."""
    stems = {
        parent: [slugify(title)[:STEM_MAX].strip("-") or fallback for title in wanted]
        for parent, wanted in titles.items()
    }
    by_path = {parent.path: parent for parent in stems}
    existing = Page.objects.filter(
        slug__in={stem for wanted in stems.values() for stem in wanted},
        depth__in={parent.depth + 1 for parent in stems},
    )
    if page is not None and page.pk:
        existing = existing.exclude(pk=page.pk)
    taken = {parent.pk: set(reserved_slugs(parent)) for parent in stems}
    for page_path, slug in existing.values_list("path", "slug"):
        parent = by_path.get(page_path[: -Page.steplen])
        if parent is not None:
            taken[parent.pk].add(slug)
    free = {}
    for parent, wanted in stems.items():
        siblings, numbered, slugs = taken[parent.pk], set(), []
        for stem in wanted:
            slug, number = stem, 2
            while slug in siblings:
                if stem not in numbered:
                    numbered.add(stem)
                    siblings |= _numbered_forms(parent, stem, page)
                slug, number = f"{stem}-{number}", number + 1
            siblings.add(slug)
            slugs.append(slug)
        free[parent.pk] = slugs
    return free


def _numbered_forms(parent: Page, stem: str, page: Page | None) -> set[str]:
    """The slugs of ``parent``'s children that start with ``stem`` and a dash (« stem-2 »…)."""
    siblings = Page.objects.child_of(parent).filter(slug__startswith=f"{stem}-")
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    return set(siblings.values_list("slug", flat=True))


def check_not_reserved(parent: Page, slug: str) -> None:
    """Refuse, in French, a slug that one of the site's own views answers under ``parent``."""
    if slug in reserved_slugs(parent):
        raise ValidationError(RESERVED_SLUG.format(slug=slug), code="reserved_slug")


def reserved_slugs(parent: Page) -> frozenset[str]:
    """The words that the site's URL patterns take right under ``parent``'s address: under a base,
    « gerer », « membres », « abonnes » (``bases/<slug>/gerer/``…). Django resolves those patterns
    before Wagtail's pages, so a child page at one of them would never be served. Read from the URL
    patterns themselves, so that a new route reserves its word."""
    parts = parent.get_url_parts()
    if not parts or not parts[2]:
        return frozenset()
    return _reserved_under(get_resolver(), parts[2].lstrip("/"))


@functools.lru_cache(maxsize=10_000)
def _reserved_under(resolver: URLResolver, parent_path: str) -> frozenset[str]:
    """``reserved_slugs`` of the page at ``parent_path``: the patterns are matched once per address
    (2 ms), not once per page created under it (the La Base import places thousands under each)."""
    depth = parent_path.count("/")
    words = set()
    for prefix, word in _routed_words(resolver, depth):
        if path(prefix, _no_view).resolve(parent_path):
            words.add(word)
    return frozenset(words)


def _no_view(request):
    """The view of the patterns built only to match a page's address against a route's prefix."""


@functools.cache
def _routed_words(resolver: URLResolver, depth: int) -> tuple[tuple[str, str], ...]:
    """The routes (written with ``path()``) that have a literal word as their segment at ``depth``,
    as (the route up to that word, the word). Regular-expression routes (Wagtail's page serving
    among them) name no word."""
    found = set()
    for route in _routes(resolver.url_patterns, ""):
        segments = route.split("/")
        if len(segments) > depth and segments[depth] and "<" not in segments[depth]:
            found.add(("/".join(segments[:depth]) + "/" if depth else "", segments[depth]))
    return tuple(sorted(found))


def _routes(patterns, prefix: str):
    for entry in patterns:
        if not isinstance(entry.pattern, RoutePattern):
            continue
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, route)
        else:
            yield route
