"""La Base's HTML (its editor's output) brought to what our rich text allows, through Wagtail's own
converter: the elements a feature does not allow become paragraphs or their text, links keep their
address when it is http(s) or mailto."""

import functools
import html
import re

from django.utils.html import strip_tags
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from cms.private_api import html_through_contentstate

# Whole elements whose content is not text for a reader.
_NOT_TEXT = re.compile(r"<(script|style|template|iframe|object)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# La Base's editor offers h2 and h3 inside a resource; ours h3 and h4, under the section titles.
_HEADINGS = {"h1": "h3", "h2": "h3", "h3": "h4", "h5": "h4", "h6": "h4"}
_HEADING = re.compile(r"<(/?)(h[1-6])\b", re.IGNORECASE)


class UncleanableHtml(ValueError):
    pass


def clean_html(source: str, features: list[str]) -> str:
    """``source`` as the database format of a rich text with ``features``; raises ``UncleanableHtml``
    when the converter cannot read it."""
    source = _NOT_TEXT.sub("", source or "")
    if "h3" in features:
        source = _HEADING.sub(lambda m: f"<{m[1]}{_HEADINGS.get(m[2].lower(), m[2].lower())}", source)
    converter = _converter(tuple(features))
    try:
        return html_through_contentstate(converter, source)
    except Exception as error:  # the converter's parser raises assorted errors on broken markup
        raise UncleanableHtml(str(error)) from error


@functools.cache
def _converter(features: tuple[str, ...]) -> ContentstateConverter:
    """One converter per set of features, as Wagtail's editor keeps one per widget: it resets its
    parser before each conversion, and building it cost as much as a conversion."""
    return ContentstateConverter(list(features))


def plain_text(source: str) -> str:
    """Text without markup, for La Base's descriptions shown where ours are plain text."""
    text = re.sub(r"</(p|li|h[1-6]|div)>|<br\s*/?>", "\n", source or "", flags=re.IGNORECASE)
    return re.sub(r"\n{3,}", "\n\n", html.unescape(strip_tags(text))).strip()
