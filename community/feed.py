"""What a reader's feed and digest show: the resources they may read from what they follow (bases,
profiles) and chose (themes, professional sectors), each with why it is there."""

from dataclasses import dataclass

from django.db import models
from django.db.models import ExpressionWrapper, Q
from django.db.models.functions import Left, Length
from wagtail.models import Page

from community.models import BaseFollow, FeedPreferences, ProfileFollow
from resources import taxonomy
from resources.models import ResourcePage

THEME_LABELS = {key: label for _, themes in taxonomy.THEME_CHOICES for key, label in themes}
SECTOR_LABELS = dict(taxonomy.PROFESSIONAL_SECTOR_CHOICES)


class Source(models.TextChoices):
    ALL = "tous", "Tous"
    BASES = "bases-suivies", "Bases suivies"
    PROFILES = "profils-suivis", "Profils suivis"
    THEMES = "thematiques", "Thématiques"
    SECTORS = "secteurs", "Secteurs"


def _conditions(preferences: FeedPreferences) -> dict[Source, Q]:
    """Each source as a condition on resources; ``parent_path`` is annotated by ``followed_resources``."""
    user = preferences.user
    followed_base_paths = BaseFollow.objects.filter(follower=user).values("base__path")
    followed_profiles = ProfileFollow.objects.filter(follower=user, profile__is_active=True).values("profile")
    return {
        Source.BASES: Q(parent_path__in=followed_base_paths),
        Source.PROFILES: Q(owner__in=followed_profiles),
        Source.THEMES: Q(themes__overlap=preferences.themes),
        Source.SECTORS: Q(professional_sectors__overlap=preferences.professional_sectors),
    }


def _with_parent_path(resources):
    return resources.annotate(parent_path=Left("path", Length("path") - Page.steplen))


def followed_resources(preferences: FeedPreferences, source: Source = Source.ALL):
    """The live resources the reader may read (``visible_to``, the one definition) that ``source``
    brings them, their own aside, newest change first: one query, whatever the number of follows.
    Take their ids, then ``cards_of`` a page of them: sorting the few columns of the ids rather than
    whole rows takes a third off a page (docs/architecture.md)."""
    conditions = _conditions(preferences)
    chosen = conditions.values() if source == Source.ALL else [conditions[source]]
    wanted = Q(pk__in=[])
    for condition in chosen:
        wanted |= condition
    return (
        _with_parent_path(ResourcePage.objects.visible_to(preferences.user))
        .filter(wanted)
        .exclude(owner=preferences.user)
        .order_by("-last_published_at", "-pk")
    )


def cards_of(ids: list[int], preferences: FeedPreferences) -> list[ResourcePage]:
    """The resources of ``ids`` (from ``followed_resources``) in their order, with what a card shows and
    ``via_base`` and ``via_profile`` saying why they are there: one query for any number of them."""
    conditions = _conditions(preferences)
    found = _with_parent_path(ResourcePage.objects.filter(pk__in=ids)).annotate(
        via_base=ExpressionWrapper(conditions[Source.BASES], output_field=models.BooleanField()),
        via_profile=ExpressionWrapper(conditions[Source.PROFILES], output_field=models.BooleanField()),
    )
    by_pk = {resource.pk: resource for resource in found.cards()}
    return [by_pk[pk] for pk in ids if pk in by_pk]


@dataclass
class FeedItem:
    """A resource of the feed, with why it is there and whether it changed since the previous visit."""

    resource: ResourcePage
    reasons: list[str]
    is_new: bool
    is_update: bool


def explain(resources: list[ResourcePage], preferences: FeedPreferences) -> list[FeedItem]:
    """``resources`` from ``cards_of``, with their reasons in French; no query."""
    since = preferences.previous_visit_at
    items = []
    for resource in resources:
        reasons = []
        if resource.via_base:
            reasons.append(f"Base suivie : {resource.base_title}")
        if resource.via_profile:
            reasons.append(f"Profil suivi : {resource.owner.get_full_name()}")
        if themes := [THEME_LABELS[key] for key in resource.themes if key in preferences.themes]:
            reasons.append(f"Thématique{'s' if len(themes) > 1 else ''} : {', '.join(themes)}")
        if sectors := [
            SECTOR_LABELS[key]
            for key in resource.professional_sectors
            if key in preferences.professional_sectors
        ]:
            reasons.append(f"Secteur{'s' if len(sectors) > 1 else ''} : {', '.join(sectors)}")
        published, changed = resource.first_published_at, resource.last_published_at
        items.append(
            FeedItem(
                resource=resource,
                reasons=reasons,
                is_new=bool(since and changed and changed > since),
                is_update=bool(published and changed and (changed - published).total_seconds() > 60),
            )
        )
    return items
