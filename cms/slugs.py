"""A page's address from its title, free among its siblings."""

from django.utils.text import slugify
from wagtail.models import Page

# Room for a suffix (« -12 ») within the length of a readable address.
STEM_MAX = 80


def free_slug(parent: Page, title: str, page: Page | None = None, fallback: str = "page") -> str:
    """The slug of ``title`` (``fallback`` when it has no letter or digit), followed by -2, -3… when a
    sibling under ``parent`` already has it; ``page`` itself, when it exists, does not count."""
    stem = slugify(title)[:STEM_MAX].strip("-") or fallback
    siblings = Page.objects.child_of(parent).filter(slug__startswith=stem)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    slug, number = stem, 2
    while slug in taken:
        slug, number = f"{stem}-{number}", number + 1
    return slug
