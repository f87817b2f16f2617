from django import template

from cms.page_permissions import may_edit

register = template.Library()


@register.inclusion_tag("resources/includes/life_actions.html", takes_context=True)
def resource_life_actions(context, page):
    """« Déplacer », « Supprimer », « Partager » on a resource page, for those Wagtail lets do each."""
    request = context["request"]
    if not may_edit(request, page):
        return {}
    base = context.get("base")
    # A resource has no subpages: Wagtail's move test is its delete test (``can_move``), asked once.
    can_delete = page.permissions_for_user(request.user).can_delete()
    return {
        "page": page,
        "can_move": can_delete,
        "can_delete": can_delete,
        # A share link opens what visitors may not read: a private resource, or one in a private base.
        "can_share": not page.is_public or (base is not None and not base.is_public),
    }
