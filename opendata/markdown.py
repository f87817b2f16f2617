"""A resource or a base as Markdown (La Base's ``/markdown`` tabs), block by block as its page shows
it: section titles as headings, text as Markdown, images and files as links to the files the page
serves, link blocks as links named by their title."""

import re

from markdownify import markdownify
from wagtail.rich_text import expand_db_html

from bases.models import BasePage
from cms.reference import departments
from cms.renditions import rendition_url
from resources.models import ResourcePage

# The rendition the page shows (resources/blocks/image.html): the Markdown links to the same file.
IMAGE_SPEC = "max-1200x1200"
DEPARTMENTS = {item["code"]: item["name"] for item in departments()}
# Markdown reads these in a title or a link's text as its own syntax.
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]<>#|])")


def escaped(text: str) -> str:
    """Plain text (a title, a caption) that Markdown shows as written."""
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def rich_text(source: str) -> str:
    """A rich text as Markdown, its links expanded as the page expands them; headings in ``#``."""
    return markdownify(expand_db_html(source), heading_style="ATX", bullets="-").strip()


def link(text: str, url: str) -> str:
    return f"[{escaped(text)}](<{url}>)"


def resource_markdown(resource: ResourcePage, request) -> str:
    """``resource`` (annotated ``with_base_title``) as Markdown, its addresses absolute."""
    absolute = request.build_absolute_uri
    parts = [f"# {escaped(resource.title)}"]
    if resource.description:
        parts.append(escaped(resource.description))
    publisher = resource.base_title or (resource.owner.public_name if resource.owner else "")
    facts = [f"Publiée par {escaped(publisher)}" if publisher else ""]
    if resource.first_published_at:
        facts.append(f"le {resource.first_published_at:%d/%m/%Y}")
    parts.append(" ".join(fact for fact in facts if fact))
    parts.append(f"Licence : {resource.get_licence_display()}")
    parts.append(f"Source : <{absolute(resource.get_url(request))}>")
    for child in resource.body:
        block = block_markdown(child.block_type, child.value, request)
        if block:
            parts.append(block)
    return "\n\n".join(part for part in parts if part) + "\n"


def block_markdown(block_type: str, value, request) -> str:
    absolute = request.build_absolute_uri
    if block_type == "section_title":
        return f"## {escaped(value)}"
    if block_type == "text":
        return rich_text(value.source)
    if block_type == "image":
        url = rendition_url(value["image"], IMAGE_SPEC)
        if not url:
            return ""
        url = absolute(url)
        alt = "" if value["decorative"] else value["alt_text"]
        return "\n\n".join(filter(None, [f"![{escaped(alt)}](<{url}>)", escaped(value["caption"])]))
    if block_type == "file":
        document = value["document"]
        if document is None:
            return ""
        title = value["title"] or document.title
        return "\n\n".join(filter(None, [link(title, absolute(document.url)), escaped(value["caption"])]))
    if block_type == "link":
        page_url = value["page"].get_url(request) if value["page"] is not None else None
        url = value["url"] or (absolute(page_url) if page_url else "")
        if not url:
            return ""
        return "\n\n".join(filter(None, [link(value["title"], url), escaped(value["caption"])]))
    return ""


def base_markdown(base: BasePage, resources, request) -> str:
    """``base`` and the list of ``resources`` (those the reader may read) as Markdown."""
    absolute = request.build_absolute_uri
    parts = [f"# {escaped(base.title)}"]
    if base.description:
        parts.append(rich_text(base.description))
    if base.department:
        parts.append(f"Département : {DEPARTMENTS.get(base.department, base.department)}")
    if base.email_is_public and base.contact_email:
        parts.append(f"Contact : <{base.contact_email}>")
    parts.append(f"Source : <{absolute(base.get_url(request))}>")
    parts.append("## Ressources")
    items = [
        f"- {link(resource.title, absolute(resource.get_url(request)))}"
        + (f" : {escaped(resource.description)}" if resource.description else "")
        for resource in resources
    ]
    parts.append("\n".join(items) or "Aucune ressource.")
    return "\n\n".join(parts) + "\n"
