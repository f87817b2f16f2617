from django import template

register = template.Library()


@register.inclusion_tag("resources/includes/save_button.html")
def save_button(resource):
    """The "Enregistrer" button of a resource, with its number of saves: annotated on cards
    (``ResourcePage.objects.cards()``), counted here for a resource page."""
    saves_count = getattr(resource, "saves_count", None)
    if saves_count is None:
        saves_count = resource.saves.count()
    return {"resource": resource, "saves_count": saves_count}
