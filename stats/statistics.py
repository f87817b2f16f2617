"""The figures of /statistiques/, read from the ``stats`` summaries (stats/summaries.py): materialized
views of the ``stats`` views (the same contract as Metabase), refreshed every 10 minutes by
``manage.py refresh_stats``. Only the active users are read live, from stats.users.

Definitions, as the page states them:
- a resource or a base is *public* when no view restriction hides it (``is_restricted``), *private*
  otherwise; only published (``live``) ones count;
- views, searches and collection saves count everything, whatever the resource: they are activity
  totals that reveal nothing about a private resource;
- an *active user* signed in within the last 30 days;
- the breakdowns (themes, resource types, sectors, beneficiaries) count the public resources
  *first published* during the chosen period: they describe the public catalogue, never private items;
- periods are whole days ending today: "30 derniers jours" is today and the 29 days before;
- weeks start on Monday and days are French days (Europe/Paris), like the views' ``day`` columns.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection

from resources import taxonomy

WEEKS = 12
MONTHS = 12
ACTIVE_DAYS = 30
TOP = 10


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    days: int | None  # None: all time


PERIODS = {
    period.key: period
    for period in (
        Period("30-jours", "30 derniers jours", 30),
        Period("6-mois", "6 derniers mois", 183),
        Period("tout", "Depuis le début", None),
    )
}
DEFAULT_PERIOD = "30-jours"

# Each activity of stats.activity_daily: its label and whether it is split public / private.
SOURCES = {
    "views": ("Vues de ressources", False),
    "searches": ("Recherches", False),
    "saves": ("Enregistrements dans une collection", False),
    "resources": ("Ressources créées", True),
    "bases": ("Bases créées", True),
    "profiles": ("Profils créés", True),
}

BREAKDOWNS = {
    "themes": (
        "Thématiques",
        {theme["key"]: theme["label"] for c in taxonomy.THEMES["categories"] for theme in c["themes"]},
    ),
    "resource_types": ("Types de ressources", dict(taxonomy.RESOURCE_TYPE_CHOICES)),
    "professional_sectors": ("Secteurs professionnels", dict(taxonomy.PROFESSIONAL_SECTOR_CHOICES)),
    "beneficiaries": ("Bénéficiaires", dict(taxonomy.BENEFICIARY_CHOICES)),
}

MONTH_NAMES = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def fetch(sql: str, params: dict) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def kpis(today: date, now: datetime, series: dict) -> dict:
    """The key figures. Published resources and views up to today are the last running totals of
    ``series(today)``, which already read them."""
    (row,) = fetch(
        """
        SELECT
            (SELECT coalesce(sum(public), 0) FROM stats.activity_daily
              WHERE activity = 'views' AND day > %(today)s - %(days)s AND day <= %(today)s),
            (SELECT count(*) FROM stats.users WHERE is_active AND last_login > %(since)s)
        """,
        {"today": today, "days": ACTIVE_DAYS, "since": now - timedelta(days=ACTIVE_DAYS)},
    )
    recent_views, active_users = (int(value) for value in row)
    _, public_resources, private_resources = series["resources"]["cumulative"][-1]
    return {
        "public_resources": public_resources,
        "private_resources": private_resources,
        "total_views": series["views"]["cumulative"][-1][1],
        "recent_views": recent_views,
        "active_users": active_users,
    }


def daily(today: date) -> dict[str, list[tuple]]:
    """Every activity's (day, public, private) rows up to today, in one read of the summary: one
    scan serves the weeks, the months and the running totals."""
    days: dict[str, list[tuple]] = {key: [] for key in SOURCES}
    rows = fetch(
        "SELECT activity, day, public, private FROM stats.activity_daily WHERE day <= %(today)s",
        {"today": today},
    )
    for activity, day, public, private in rows:
        if activity in days:
            days[activity].append((day, public, private))
    return days


def _totals(days: list[tuple], bucket_of) -> dict:
    totals: dict = {}
    for day, public, private in days:
        bucket = bucket_of(day)
        old_public, old_private = totals.get(bucket, (0, 0))
        totals[bucket] = (old_public + int(public), old_private + int(private))
    return totals


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_start(day: date, months_back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def series(today: date) -> dict:
    """Per activity: weekly and monthly figures over the last weeks and months, and the running total
    at the end of each of those months."""
    weeks = [week_start(today) - timedelta(weeks=back) for back in range(WEEKS - 1, -1, -1)]
    months = [month_start(today, back) for back in range(MONTHS - 1, -1, -1)]
    result = {}
    per_activity = daily(today)
    for key, (label, split) in SOURCES.items():
        days = per_activity[key]
        weekly = _totals(days, week_start)
        all_months = _totals(days, month_start)
        before = [0, 0]
        for bucket, (public, private) in all_months.items():
            if bucket < months[0]:
                before = [before[0] + public, before[1] + private]
        cumulative, running = [], before
        for month in months:
            public, private = all_months.get(month, (0, 0))
            running = [running[0] + public, running[1] + private]
            cumulative.append(tuple(running))
        result[key] = {
            "label": label,
            "split": split,
            "weekly": [(f"semaine du {w:%d/%m/%Y}", *weekly.get(w, (0, 0))) for w in weeks],
            "monthly": [(month_label(m), *all_months.get(m, (0, 0))) for m in months],
            "cumulative": [(month_label(m), *totals) for m, totals in zip(months, cumulative, strict=True)],
            # The charts' axis labels: short enough to be read whole under each bar.
            "axis": {
                "weekly": [f"{w:%d/%m}" for w in weeks],
                "monthly": [f"{m:%m/%Y}" for m in months],
                "cumulative": [f"{m:%m/%Y}" for m in months],
            },
        }
    return result


def month_label(month: date) -> str:
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def period_start(period: Period, today: date) -> date | None:
    """The first day of ``period`` ending today, None for all time."""
    return today - timedelta(days=period.days - 1) if period.days else None


def breakdowns(period: Period, today: date) -> dict:
    """The public resources first published in the period, counted per taxonomy key, most used first."""
    counts: dict = {column: [] for column in BREAKDOWNS}
    rows = fetch(
        """
        SELECT facet, key, sum(resources) FROM stats.taxonomy_daily
        WHERE %(since)s::date IS NULL OR day >= %(since)s
        GROUP BY facet, key
        """,
        {"since": period_start(period, today)},
    )
    for column, key, count in rows:
        if column in counts:
            counts[column].append((key, int(count)))
    result = {}
    for column, (label, labels) in BREAKDOWNS.items():
        ranked = sorted(counts[column], key=lambda item: (-item[1], labels.get(item[0], item[0])))[:TOP]
        result[column] = {"label": label, "rows": [(labels.get(key, key), count) for key, count in ranked]}
    return result
