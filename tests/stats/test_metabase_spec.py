"""infra/metabase/dashboard.json: a dashboard that shows every question once, on Metabase's grid."""

import itertools

import pytest

from stats.metabase_sync import load_spec

GRID_COLUMNS = 24


def cells(entry: dict) -> set[tuple[int, int]]:
    return {
        (row, col)
        for row in range(entry["row"], entry["row"] + entry["size_y"])
        for col in range(entry["col"], entry["col"] + entry["size_x"])
    }


def test_every_question_is_on_the_dashboard_once():
    spec = load_spec()
    placed = [entry["question"] for entry in spec["dashboard"]["layout"]]
    assert sorted(placed) == sorted(question["name"] for question in spec["questions"])


def test_cards_fit_the_grid_without_overlapping():
    layout = load_spec()["dashboard"]["layout"]
    for entry in layout:
        assert entry["col"] >= 0 and entry["col"] + entry["size_x"] <= GRID_COLUMNS, entry
    for first, second in itertools.combinations(layout, 2):
        assert not cells(first) & cells(second), (first["question"], second["question"])


def test_a_dashboard_placing_an_unknown_question_is_refused(tmp_path):
    spec = tmp_path / "dashboard.json"
    spec.write_text(
        '{"questions": [], "dashboard": {"layout": [{"question": "Absente", "row": 0, "col": 0,'
        ' "size_x": 1, "size_y": 1}]}}'
    )
    with pytest.raises(ValueError, match="Absente"):
        load_spec(spec)
