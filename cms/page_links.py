"""Links to pages in rich text, as stored (``<a linktype="page" id="12">text</a>``): which pages, and
taking them out."""

import re

from wagtail.models import Page
from wagtail.rich_text import extract_references_from_rich_text

PAGE_LINK = re.compile(
    r'<a\b(?=[^>]*\blinktype="page")(?=[^>]*\bid="(?P<id>\d+)")[^>]*>(?P<text>.*?)</a>', re.DOTALL
)


def rich_text_page_links(html: str) -> set[int]:
    """The ids of the pages a rich text links to."""
    return {int(pk) for model, pk, _, _ in extract_references_from_rich_text(html) if issubclass(model, Page)}


def without_rich_text_page_links(html: str, page_ids: set[int]) -> str:
    """The rich text without its links to these pages; the words of each link stay."""
    return PAGE_LINK.sub(lambda link: link["text"] if int(link["id"]) in page_ids else link[0], html)
