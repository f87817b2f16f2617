"""The figures of /statistiques/, read from the ``stats`` views only (the same contract as Metabase).

Definitions, as the page states them:
- a resource or a base is *public* when no view restriction hides it (``is_restricted``), *private*
  otherwise; only published (``live``) ones count;
- views, searches and collection saves count everything, whatever the resource: they are activity
  totals that reveal nothing about a private resource;
- an *active user* signed in within the last 30 days;
- the breakdowns (themes, resource types, sectors, beneficiaries) count the public resources
  *first published* during the chosen period: they describe the public catalogue, never private items;
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

# Each activity: a label, whether it is split public / private, and the rows (day, amount, is_public).
SOURCES = {
    "views": (
        "Vues de ressources",
        False,
        "SELECT day, views AS amount, true AS is_public FROM stats.views_daily",
    ),
    "searches": (
        "Recherches",
        False,
        "SELECT day, searches AS amount, true AS is_public FROM stats.searches_daily",
    ),
    "saves": (
        "Enregistrements dans une collection",
        False,
        "SELECT day, 1 AS amount, true AS is_public FROM stats.collection_saves",
    ),
    "resources": (
        "Ressources créées",
        True,
        "SELECT (created_at AT TIME ZONE 'Europe/Paris')::date AS day, 1 AS amount, NOT is_restricted AS is_public"
        " FROM stats.resources WHERE live",
    ),
    "bases": (
        "Bases créées",
        True,
        "SELECT (created_at AT TIME ZONE 'Europe/Paris')::date AS day, 1 AS amount, NOT is_restricted AS is_public"
        " FROM stats.bases WHERE live",
    ),
    "profiles": (
        "Profils créés",
        True,
        "SELECT (date_joined AT TIME ZONE 'Europe/Paris')::date AS day, 1 AS amount, is_public"
        " FROM stats.users WHERE is_active",
    ),
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
            (SELECT coalesce(sum(views), 0) FROM stats.views_daily
              WHERE day > %(today)s - %(days)s AND day <= %(today)s),
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


def _daily_sql(source: str) -> str:
    """One activity per query (a UNION ALL of all of them plans worse: no index, no parallel scan),
    summed per day, so that one scan serves the weeks, the months and the running totals."""
    return f"""
        SELECT day,
               coalesce(sum(amount) FILTER (WHERE is_public), 0),
               coalesce(sum(amount) FILTER (WHERE NOT is_public), 0)
        FROM ({SOURCES[source][2]}) AS events
        WHERE day <= %(today)s
        GROUP BY 1
    """


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
    for key, (label, split, _) in SOURCES.items():
        days = fetch(_daily_sql(key), {"today": today})
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
        }
    return result


def month_label(month: date) -> str:
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def breakdowns(period: Period, now: datetime) -> dict:
    """The public resources first published in the period, counted per taxonomy key, most used first."""
    since = now - timedelta(days=period.days) if period.days else None
    union = " UNION ALL ".join(
        f"SELECT '{column}', key, count(*) FROM published, unnest({column}) AS key GROUP BY key"
        for column in BREAKDOWNS
    )
    sql = f"""
        WITH published AS MATERIALIZED (
            SELECT {", ".join(BREAKDOWNS)} FROM stats.resources
            WHERE live AND NOT is_restricted AND (%(since)s::timestamptz IS NULL OR first_published_at > %(since)s)
        )
        {union}
    """
    counts: dict = {column: [] for column in BREAKDOWNS}
    for column, key, count in fetch(sql, {"since": since}):
        counts[column].append((key, count))
    result = {}
    for column, (label, labels) in BREAKDOWNS.items():
        ranked = sorted(counts[column], key=lambda item: (-item[1], labels.get(item[0], item[0])))[:TOP]
        result[column] = {"label": label, "rows": [(labels.get(key, key), count) for key, count in ranked]}
    return result
