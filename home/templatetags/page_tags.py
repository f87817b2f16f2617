from django import template

from cms.private_api import remembered_parent

register = template.Library()

HOME_DEPTH = 2


@register.filter
def breadcrumb_ancestors(page) -> list:
    """The ancestors of ``page`` below the home page, top first: the parents its routing remembered
    (see cms.routing) when it was served, else one query."""
    ancestors, parent = [], remembered_parent(page)
    while parent is not None and parent.depth > HOME_DEPTH:
        ancestors.insert(0, parent)
        parent = remembered_parent(parent)
    if parent is None:
        return list(page.get_ancestors().filter(depth__gt=HOME_DEPTH))
    return ancestors
