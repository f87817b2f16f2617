"""Wagtail's ``{% wagtailuserbar %}`` on the site's pages the reader may edit, and nowhere else.

Every account reaches the admin, so Wagtail would put its userbar (and its accessibility checker, run
in the reader's browser) on every page seen by anyone signed in, to offer links the header already
has. The template label ``wagtailuserbar`` names this module (``TEMPLATES`` in cms/settings/base.py,
Django's ``libraries`` option), so that the templates that load it, wagtail-dsfr's base among them,
ask the page's permissions first: the reader's permissions are then not loaded, nor Wagtail's
component rendered, to show nothing."""

from django import template
from wagtail.admin.templatetags import wagtailuserbar as wagtail_tags

from cms.page_permissions import may_edit

register = template.Library()


@register.simple_tag(takes_context=True)
def wagtailuserbar(context, position="bottom-right"):
    request, page = context.get("request"), wagtail_tags.get_page_instance(context)
    if request is None or page is None or not may_edit(request, page):
        return ""
    return wagtail_tags.wagtailuserbar(context, position)
