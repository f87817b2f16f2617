"""Profile search: public profiles of active users, never a private one."""

from accounts.models import User
from search import sorting
from search.matching import match
from search.params import PROFILES, SearchParams
from search.results import Results, search_key, with_match_count


def listed_profiles():
    """A private profile shows only a name to whoever opens it: it is never listed, even to its owner."""
    return User.objects.filter(is_public=True, is_active=True)


def filter_profiles(profiles, filters: dict[str, list[str]]):
    if filters.get("departements"):
        profiles = profiles.filter(department__in=filters["departements"])
    return profiles


def search_profiles(user, params: SearchParams):
    """The public profiles matching ``params``, in the order of ``params.sort``; ``user`` changes
    nothing (every visitor sees the same profiles) but keeps the signature of the other searches."""
    return Results(lambda: _matching_profiles(params), listed_profiles(), search_key(user, params, PROFILES))


def _matching_profiles(params: SearchParams):
    key = sorting.sort_key(sorting.BASE_PROFILE_SORTS, params)
    listed, filters = listed_profiles(), params.filters_of(PROFILES)
    profiles = with_match_count(sorting.sort_profiles(filter_profiles(listed.only("pk"), filters), key))
    if not params.q:
        return iter([profiles])
    return match(
        profiles,
        params.q,
        order_by_relevance=key == sorting.RELEVANCE,
        unfiltered=listed if filters else None,
    )
