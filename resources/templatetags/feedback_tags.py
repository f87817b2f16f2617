from django import template

from resources.taxonomy import rating_badge as badge_for
from resources.taxonomy import rating_badge_tone as badge_tone_for

register = template.Library()


@register.filter
def rating_badge(average):
    """``{{ item.rating_average|rating_badge }}``: the badge label, empty before the first rating."""
    return badge_for(average) or ""


@register.filter
def rating_badge_tone(average):
    """``fr-badge--{{ item.rating_average|rating_badge_tone }}``: the badge's colour, by level."""
    return badge_tone_for(average)
