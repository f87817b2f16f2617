from django import template

from notifications.models import Notification

register = template.Library()


@register.inclusion_tag("notifications/bell.html", takes_context=True)
def notification_bell(context):
    """The header's bell with the signed-in user's unread count: one query. Only in the visitor's own
    links, never in a fragment cached for every visitor (``framecache``)."""
    user = context["request"].user
    return {"unread": Notification.objects.shown_to(user).unread().count()}
