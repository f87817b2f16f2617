"""What community adds to the pages of the apps below it (resources, bases): their templates load these
tags, so that those apps' Python never imports community."""

from django import template
from django.urls import reverse

from community.follows import follow_state
from community.models import BaseFeaturedCollection, Collection

register = template.Library()


@register.inclusion_tag("community/includes/save_button.html")
def save_button(resource):
    """The "Enregistrer" button of a resource, with its number of saves."""
    return {"resource": resource}


@register.inclusion_tag("community/includes/follow_button.html", takes_context=True)
def base_follow_button(context, base):
    """Follow or unfollow a base, with its number of followers (one query)."""
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "follow_url": reverse("base_follow", args=[base.slug]),
        "unfollow_url": reverse("base_unfollow", args=[base.slug]),
        "followers_url": reverse("base_followers", args=[base.slug]),
        "what": "la base",
        "feminine": True,
        **follow_state(base, request.user),
    }


@register.simple_tag(takes_context=True)
def base_collections(context, base):
    """The collections of ``base`` the viewer may see, with the number of resources they may read."""
    viewer = context["request"].user
    return Collection.objects.visible_to(viewer).filter(base=base).with_resource_counts(viewer)


@register.simple_tag(takes_context=True)
def featured_collections(context, base):
    """The public collections ``base`` puts forward, as the viewer may see them."""
    return BaseFeaturedCollection.shown_on(base, context["request"].user)
