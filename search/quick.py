"""Quick search: the first few results of each kind, shown under the header's search field as the
visitor types. Each section is the first page of its tab's full search, privacy included."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from cms.reference import taxonomy
from search import results
from search.params import BASES, PROFILES, RESOURCES, SearchParams
from search.tabs import TABS

PER_TYPE = taxonomy()["search"]["quick_search_per_type"]
# Fewer characters match too much to be useful, and would cost a search per keystroke.
MIN_LENGTH = 2


def page_link(page, request) -> tuple[str, str]:
    return page.title, page.get_url(request)


def profile_link(user, request) -> tuple[str, str]:
    return user.get_full_name(), reverse("profile", kwargs={"slug": user.slug})


@dataclass(frozen=True)
class Section:
    label: str
    tab: str
    # (item, request) → (text, url) of the link to the item.
    link: Callable = page_link


SECTIONS = [
    Section("Ressources", RESOURCES),
    Section("Bases", BASES),
    Section("Profils", PROFILES, profile_link),
]


def quick_results(request, params: SearchParams) -> list[dict]:
    """The non-empty sections for ``params``, each with its first ``PER_TYPE`` links."""
    if len(params.q) < MIN_LENGTH:
        return []
    sections = []
    for section in SECTIONS:
        items = results.find(TABS[section.tab], request.user, params, per_page=PER_TYPE).page
        if items:
            sections.append(
                {"label": section.label, "links": [section.link(item, request) for item in items]}
            )
    return sections
