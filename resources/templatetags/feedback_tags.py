from django import template

from resources.taxonomy import rating_badge as badge_for

register = template.Library()


@register.filter
def rating_badge(average):
    """``{{ item.rating_average|rating_badge }}``: the badge label, empty before the first rating."""
    return badge_for(average) or ""
