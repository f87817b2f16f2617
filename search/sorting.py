"""Sorts of the search results: the keys and labels of the reference data, as ordering expressions.

Orderings are expressions (``F(...).desc()``), never field names: modelsearch's PostgreSQL backend keeps
expressions as they are (``HANDLES_ORDER_BY_EXPRESSIONS``) when it searches with
``order_by_relevance=False``, while it would require a ``FilterField`` for every plain field name.
"""

from django.db.models import Avg, F, Func, OuterRef, Subquery
from django.db.models.functions import Coalesce, Lower

from cms.reference import taxonomy
from community.models import BaseFollow, ProfileFollow
from resources.models import Rating, ResourcePage

RELEVANCE, RECENT = "pertinence", "recent"
RESOURCE_SORTS = {sort["key"]: sort["label"] for sort in taxonomy()["search"]["resource_sorts"]}
BASE_PROFILE_SORTS = {sort["key"]: sort["label"] for sort in taxonomy()["search"]["base_profile_sorts"]}


def sort_key(sorts: dict[str, str], params) -> str:
    """The sort asked for if this tab knows it, else relevance for a query and the most recent without
    one (there is no relevance to rank by when nothing was typed)."""
    if params.sort in sorts and (params.sort != RELEVANCE or params.q):
        return params.sort
    return RELEVANCE if params.q else RECENT


def count_of(queryset) -> Coalesce:
    """How many rows ``queryset`` (correlated with ``OuterRef``) holds, as an integer expression: a
    ``COUNT`` over the subquery's rows rather than an aggregate, which would group them."""
    return Coalesce(Subquery(queryset.order_by().values(n=Func(F("pk"), function="COUNT"))), 0)


def public_resources():
    """The resources a visitor may read: only these count in a sort, so that ranking by number of
    resources reveals nothing of the private ones."""
    return ResourcePage.objects.filter(live=True, is_public=True)


def _newest(field: str) -> list:
    return [F(field).desc(nulls_last=True), F("pk").desc()]


def sort_resources(resources, key: str):
    """``resources`` in the order of ``key`` (relevance is left to the search)."""
    if key == "ancien":
        return resources.order_by(F("first_published_at").asc(nulls_last=True), F("pk").asc())
    if key == "vues":
        return resources.order_by(F("views_count").desc(), *_newest("first_published_at"))
    if key == "recommandations":
        ratings = Rating.objects.shown().filter(resource=OuterRef("pk"))
        return resources.annotate(
            rating_average=Subquery(
                ratings.values("resource").annotate(average=Avg("value")).values("average")
            ),
            ratings_count=count_of(ratings),
        ).order_by(
            F("rating_average").desc(nulls_last=True),
            F("ratings_count").desc(),
            *_newest("first_published_at"),
        )
    if key == "enregistrements":
        return resources.order_by(F("saves_count").desc(), *_newest("first_published_at"))
    return resources.order_by(*_newest("first_published_at"))


def sort_bases(bases, key: str):
    if key == "ancien":
        return bases.order_by(F("first_published_at").asc(nulls_last=True), F("pk").asc())
    if key == "suivis":
        follows = BaseFollow.objects.filter(base=OuterRef("pk"))
        return bases.annotate(follows_count=count_of(follows)).order_by(
            F("follows_count").desc(), *_newest("first_published_at")
        )
    if key == "ressources":
        resources = public_resources().filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        return bases.annotate(resources_count=count_of(resources)).order_by(
            F("resources_count").desc(), *_newest("first_published_at")
        )
    if key in ("a-z", "z-a"):
        title = Lower("title")
        return bases.order_by(title.asc() if key == "a-z" else title.desc(), F("pk").asc())
    return bases.order_by(*_newest("first_published_at"))


def sort_profiles(profiles, key: str):
    if key == "ancien":
        return profiles.order_by(F("date_joined").asc(), F("pk").asc())
    if key == "suivis":
        follows = ProfileFollow.objects.filter(profile=OuterRef("pk"))
        return profiles.annotate(follows_count=count_of(follows)).order_by(
            F("follows_count").desc(), *_newest("date_joined")
        )
    if key == "ressources":
        resources = public_resources().filter(owner=OuterRef("pk"))
        return profiles.annotate(resources_count=count_of(resources)).order_by(
            F("resources_count").desc(), *_newest("date_joined")
        )
    if key in ("a-z", "z-a"):
        names = [Lower("last_name"), Lower("first_name")]
        return profiles.order_by(
            *[name.asc() if key == "a-z" else name.desc() for name in names], F("pk").asc()
        )
    return profiles.order_by(*_newest("date_joined"))
