"""Every figure of /statistiques/ against values counted by hand on a fixed dataset.

The test database starts with the demo content, dated around today; this dataset lives in June 2031,
so the windows ending then hold only its rows, and the all-time figures are compared as increases.
The figures come from summaries that ``refresh_stats`` refreshes, as cron does in production.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Revision

from accounts.models import User
from community.models import Collection, CollectionItem
from resources.models import ResourceView
from search.models import SearchLog
from stats import statistics
from tests import factories

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2031, 6, 18, 12, 0, tzinfo=PARIS)  # a Wednesday
TODAY = NOW.date()


def at(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def date_page(page, created: datetime, published: datetime | None = None) -> None:
    """Backdate a page's creation (its first revision) and first publication."""
    Revision.objects.filter(object_id=str(page.pk)).update(created_at=created)
    type(page).objects.filter(pk=page.pk).update(first_published_at=published or created)


def view(resource, when: datetime, times: int = 1) -> None:
    for number in range(times):
        ResourceView.objects.create(resource=resource, visit_hash=f"v{number}", viewed_at=when)


def search(when: datetime, **fields) -> None:
    SearchLog.objects.create(tab="ressources", result_count=3, duration_ms=10, created_at=when, **fields)


@pytest.fixture
def june(db, refresh_stats):
    """Two bases (one private), three resources (one in the private base, one draft), their views,
    searches, saves and users, dated across a week boundary and a month boundary in Paris time."""
    author = factories.contributor(is_public=True)
    public_base = factories.base(title="Base ouverte 2031", owner=author)
    private_base = factories.base(title="Base fermée 2031", owner=author, is_public=False)
    date_page(public_base, at(2031, 5, 31, 23, 59))  # May
    date_page(private_base, at(2031, 6, 1, 0, 0))  # June
    public = factories.resource(
        parent=public_base,
        owner=author,
        themes=["accessibilite", "parentalite"],
        resource_types=["outils-numeriques"],
        beneficiaries=["adultes"],
        professional_sectors=["acteurs-publics"],
    )
    older = factories.resource(parent=public_base, owner=author, themes=["accessibilite"])
    private = factories.resource(parent=private_base, owner=author, themes=["accessibilite"])
    draft = factories.resource(parent=public_base, owner=author, publish=False)
    date_page(public, at(2031, 6, 15, 23, 59), at(2031, 6, 16, 0, 0))  # created Sunday, published Monday
    date_page(older, at(2031, 1, 10, 9, 0))  # published more than 30 days ago, less than 6 months
    date_page(private, at(2031, 6, 16, 0, 0))
    Revision.objects.filter(object_id=str(draft.pk)).update(created_at=at(2031, 6, 17, 10, 0))

    view(public, at(2031, 6, 15, 23, 59), times=2)  # Sunday night: week of 9 June
    view(public, at(2031, 6, 16, 0, 0), times=3)  # Monday midnight: week of 16 June
    view(private, at(2031, 5, 31, 23, 59, 59))  # last second of May
    view(private, datetime(2031, 5, 31, 22, 30, tzinfo=ZoneInfo("UTC")))  # 00:30 on 1 June in Paris
    view(public, at(2031, 6, 18, 11, 0))

    search(at(2031, 6, 15, 23, 59), query="atelier")
    search(at(2031, 6, 16, 0, 0), filters={"thematiques": ["accessibilite"]})
    search(at(2031, 4, 30, 23, 59))

    collection = Collection.objects.create(owner=author, title="Ma sélection", is_public=False)
    saved = CollectionItem.objects.create(collection=collection, resource=public)
    CollectionItem.objects.filter(pk=saved.pk).update(added_at=at(2031, 6, 16, 0, 0))

    joined = {
        "active": (at(2031, 6, 1, 0, 0), at(2031, 6, 10, 8, 0), True),
        "dormant": (at(2031, 5, 31, 23, 59), at(2031, 5, 19, 11, 0), False),  # 30 days and an hour ago
    }
    for name, (date_joined, last_login, is_public) in joined.items():
        user = factories.contributor(email=f"{name}@example.org", is_public=is_public)
        User.objects.filter(pk=user.pk).update(date_joined=date_joined, last_login=last_login)
    User.objects.filter(pk=author.pk).update(date_joined=at(2031, 6, 16, 0, 0), last_login=NOW)
    refresh_stats()
    return {"public": public, "private": private}


def increase(before: dict, after: dict) -> dict:
    return {key: after[key] - before[key] for key in after}


def nonzero(rows: list[tuple]) -> dict:
    return {row[0]: tuple(row[1:]) for row in rows if any(row[1:])}


def test_key_figures(request, refresh_stats):
    refresh_stats()
    before = statistics.kpis(TODAY, NOW, statistics.series(TODAY))
    request.getfixturevalue("june")
    after = statistics.kpis(TODAY, NOW, statistics.series(TODAY))
    # Published: public and older (public base), private (private base); the draft does not count.
    added = increase(before, after)
    assert {key: added[key] for key in ("public_resources", "private_resources", "total_views")} == {
        "public_resources": 2,
        "private_resources": 1,
        "total_views": 8,
    }
    # Within 30 days of NOW there is nothing but this dataset: 6 views of "public", 2 of "private".
    assert after["recent_views"] == 8
    # Signed in within 30 days: the author (now) and "active"; "dormant" 30 days and an hour ago.
    assert after["active_users"] == 2


def test_weekly_series_split_sunday_night_from_monday_midnight(june):
    weekly = statistics.series(TODAY)
    assert [label for label, *_ in weekly["views"]["weekly"]][-2:] == [
        "semaine du 09/06/2031",
        "semaine du 16/06/2031",
    ]
    assert len(weekly["views"]["weekly"]) == statistics.WEEKS
    # 9 June week: 2 views on Sunday 23:59, plus the two views of 31 May / 1 June are in earlier weeks.
    assert nonzero(weekly["views"]["weekly"]) == {
        "semaine du 26/05/2031": (2, 0),
        "semaine du 09/06/2031": (2, 0),
        "semaine du 16/06/2031": (4, 0),
    }
    assert nonzero(weekly["searches"]["weekly"]) == {
        "semaine du 28/04/2031": (1, 0),
        "semaine du 09/06/2031": (1, 0),
        "semaine du 16/06/2031": (1, 0),
    }
    assert nonzero(weekly["saves"]["weekly"]) == {"semaine du 16/06/2031": (1, 0)}
    # Created Sunday 23:59 (public) and Monday 00:00 (private); the draft is not published.
    assert nonzero(weekly["resources"]["weekly"]) == {
        "semaine du 09/06/2031": (1, 0),
        "semaine du 16/06/2031": (0, 1),
    }
    assert nonzero(weekly["bases"]["weekly"]) == {"semaine du 26/05/2031": (1, 1)}
    assert nonzero(weekly["profiles"]["weekly"]) == {
        "semaine du 26/05/2031": (1, 1),
        "semaine du 16/06/2031": (1, 0),
    }


def test_monthly_series_split_the_last_second_of_a_month_from_the_first(june):
    monthly = statistics.series(TODAY)
    assert [label for label, *_ in monthly["views"]["monthly"]][-3:] == [
        "avril 2031",
        "mai 2031",
        "juin 2031",
    ]
    assert len(monthly["views"]["monthly"]) == statistics.MONTHS
    assert nonzero(monthly["views"]["monthly"]) == {"mai 2031": (1, 0), "juin 2031": (7, 0)}
    assert nonzero(monthly["searches"]["monthly"]) == {"avril 2031": (1, 0), "juin 2031": (2, 0)}
    assert nonzero(monthly["saves"]["monthly"]) == {"juin 2031": (1, 0)}
    assert nonzero(monthly["resources"]["monthly"]) == {"janvier 2031": (1, 0), "juin 2031": (1, 1)}
    assert nonzero(monthly["bases"]["monthly"]) == {"mai 2031": (1, 0), "juin 2031": (0, 1)}
    assert nonzero(monthly["profiles"]["monthly"]) == {"mai 2031": (0, 1), "juin 2031": (2, 0)}


def test_cumulative_series_add_up_month_after_month(request, refresh_stats):
    refresh_stats()
    before = statistics.series(TODAY)
    request.getfixturevalue("june")
    after = statistics.series(TODAY)

    def added(source: str) -> dict:
        rows = zip(before[source]["cumulative"], after[source]["cumulative"], strict=True)
        return {old[0]: (new[1] - old[1], new[2] - old[2]) for old, new in rows}

    assert [added("views")[month] for month in ("avril 2031", "mai 2031", "juin 2031")] == [
        (0, 0),
        (1, 0),
        (8, 0),
    ]
    assert [added("resources")[month] for month in ("décembre 2030", "janvier 2031", "juin 2031")] == [
        (0, 0),
        (1, 0),
        (2, 1),
    ]
    assert added("searches")["avril 2031"] == (1, 0)
    assert added("searches")["juin 2031"] == (3, 0)
    assert added("bases")["mai 2031"] == (1, 0)
    assert added("bases")["juin 2031"] == (1, 1)


def test_breakdowns_count_public_resources_published_in_the_period(request, refresh_stats):
    periods = statistics.PERIODS
    refresh_stats()
    all_time_before = statistics.breakdowns(periods["tout"], TODAY)
    request.getfixturevalue("june")
    last_30_days = statistics.breakdowns(periods["30-jours"], TODAY)
    # Only "public" was first published within 30 days; the private resource never counts.
    assert dict(last_30_days["themes"]["rows"]) == {"Accessibilité": 1, "Parentalité": 1}
    assert dict(last_30_days["resource_types"]["rows"]) == {"Outils numériques": 1}
    assert dict(last_30_days["beneficiaries"]["rows"]) == {"Adultes": 1}
    assert dict(last_30_days["professional_sectors"]["rows"]) == {"Acteurs publics": 1}
    six_months = statistics.breakdowns(periods["6-mois"], TODAY)
    assert dict(six_months["themes"]["rows"]) == {"Accessibilité": 2, "Parentalité": 1}
    all_time = dict(statistics.breakdowns(periods["tout"], TODAY)["themes"]["rows"])
    before = dict(all_time_before["themes"]["rows"])
    assert all_time["Accessibilité"] - before.get("Accessibilité", 0) == 2


def test_a_period_is_made_of_whole_french_days_ending_today(db, refresh_stats):
    last_30_days = statistics.PERIODS["30-jours"]
    assert statistics.period_start(last_30_days, TODAY) == date(2031, 5, 20)
    first_day = factories.resource(themes=["parentalite"])
    day_before = factories.resource(themes=["accessibilite"])
    date_page(first_day, at(2031, 5, 20, 0, 0))
    date_page(day_before, at(2031, 5, 19, 23, 59))
    refresh_stats()
    assert dict(statistics.breakdowns(last_30_days, TODAY)["themes"]["rows"]) == {"Parentalité": 1}


def test_weeks_and_months_are_counted_back_from_today():
    assert statistics.week_start(date(2031, 6, 15)) == date(2031, 6, 9)
    assert statistics.week_start(date(2031, 6, 16)) == date(2031, 6, 16)
    assert statistics.month_start(date(2031, 1, 31), months_back=1) == date(2030, 12, 1)
