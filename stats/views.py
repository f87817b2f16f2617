import json

from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone

from stats import embed, statistics, summaries

# Public figures only, the same for every visitor: safe to share between them for a few minutes
# (refresh_stats drops them when the summaries change).
CACHE_SECONDS = 300


def cache_key(period_key: str) -> str:
    return f"stats:statistics-page:{period_key}"


def forget_cached_figures() -> None:
    cache.delete_many([cache_key(key) for key in statistics.PERIODS])


def chart(rows: list[tuple], names: list[str], labels: list[str] | None = None) -> dict:
    """The attributes of a dsfr-chart element: one x list and one y list per series (JSON). ``labels``
    are the axis's, the rows' own by default."""
    labels = labels or [row[0] for row in rows]
    values = [[row[index + 1] for row in rows] for index in range(len(names))]
    return {
        "x": json.dumps([labels] * len(names), ensure_ascii=False),
        "y": json.dumps(values),
        "names": json.dumps(names, ensure_ascii=False),
    }


def with_charts(series: dict, breakdowns: dict) -> None:
    for activity in series.values():
        names = ["Publics", "Privés"] if activity["split"] else [activity["label"]]
        activity["views"] = [
            {
                "key": key,
                "label": label,
                "rows": activity[key],
                "chart": chart(activity[key], names, activity["axis"][key]),
            }
            for key, label in (("weekly", "par semaine"), ("monthly", "par mois"), ("cumulative", "cumul"))
        ]
    for breakdown in breakdowns.values():
        breakdown["chart"] = chart(breakdown["rows"], ["Ressources"])


def figures(period: statistics.Period) -> dict:
    """The page's figures for ``period``, computed at most once per CACHE_SECONDS."""

    def compute() -> dict:
        now = timezone.now()
        today = timezone.localdate(now)
        series = statistics.series(today)
        breakdowns = statistics.breakdowns(period, today)
        with_charts(series, breakdowns)
        return {
            "kpis": statistics.kpis(today, now, series),
            "series": series,
            "breakdowns": breakdowns,
            "refreshed_at": summaries.refreshed_at(),
        }

    return cache.get_or_set(cache_key(period.key), compute, CACHE_SECONDS)


def statistics_page(request):
    period = statistics.PERIODS.get(
        request.GET.get("periode", ""), statistics.PERIODS[statistics.DEFAULT_PERIOD]
    )
    context = {
        "title": "Statistiques",
        "period": period,
        "periods": statistics.PERIODS.values(),
        "dashboard_url": embed.dashboard_embed_url(),
        **figures(period),
    }
    return render(request, "stats/statistics.html", context)
