"""Every e-mail of the project goes through ``send``: its text is written once, as a template that
starts « Bonjour », and goes out as plain text with an HTML alternative in the DSFR's look (a blue
France band, Arial, the text's paragraphs and links), built from that text by one layout
(``cms/emails/layout.html``): the two can never tell different things. Links are absolute, to the
site's configured address (``absolute``)."""

import re
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.html import urlize
from django.utils.safestring import mark_safe

# Mail clients ignore style sheets: each element of the HTML carries its own style.
LINK_STYLE = "color:#000091;text-decoration:underline;word-break:break-all;"


def absolute(path: str) -> str:
    """``path`` (or a URL already absolute) at the site's configured address, as e-mails link to it."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def send(recipients, subject: str, template: str, context: dict | None = None, headers=None) -> None:
    """Render ``template`` (plain text) with ``context`` and send it to ``recipients`` (addresses) with
    its HTML alternative, and these extra ``headers``; nothing is sent to nobody. The context also holds
    ``site_url``."""
    recipients = list(recipients)
    if not recipients:
        return
    text = render_to_string(template, {"site_url": settings.WAGTAILADMIN_BASE_URL, **(context or {})})
    message = EmailMultiAlternatives(subject, text.strip() + "\n", None, recipients, headers=headers)
    with_html_alternative(message).send()


def with_html_alternative(message: EmailMultiAlternatives) -> EmailMultiAlternatives:
    """``message``, whose body is the plain text, with the HTML alternative of that text (allauth
    renders its own messages and hands them here)."""
    message.attach_alternative(html_of(message.subject, message.body), "text/html")
    return message


def html_of(subject: str, text: str) -> str:
    """The HTML alternative of ``text``: its paragraphs (blank lines apart), its lines and its links."""
    # urlize escapes the text around the links it makes: what is marked safe is only our markup.
    paragraphs = [
        mark_safe(_styled_links(urlize(paragraph.strip(), autoescape=True)).replace("\n", "<br>"))
        for paragraph in re.split(r"\n\s*\n", text.strip())
        if paragraph.strip()
    ]
    return render_to_string(
        "cms/emails/layout.html",
        {"subject": subject, "paragraphs": paragraphs, "site_url": settings.WAGTAILADMIN_BASE_URL},
    )


def _styled_links(html: str) -> str:
    return html.replace("<a ", f'<a style="{LINK_STYLE}" ')
