"""``manage.py metabase_sync`` against a fake Metabase on loopback: what it calls, and idempotency."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from stats.metabase_sync import load_spec, question_sql
from tests.stats.fake_metabase import ADMIN, API_KEY, FakeMetabase, serve

DB_PASSWORD = "mot-de-passe-de-metabase"


@pytest.fixture
def metabase(settings):
    fake = FakeMetabase()
    server = serve(fake)
    settings.METABASE_URL = f"http://127.0.0.1:{server.server_port}"
    settings.METABASE_API_KEY = ""
    settings.METABASE_ADMIN_EMAIL = ADMIN["email"]
    settings.METABASE_ADMIN_PASSWORD = ADMIN["password"]
    settings.METABASE_DB_USER = "metabase"
    settings.METABASE_DB_PASSWORD = DB_PASSWORD
    settings.METABASE_DB_HOST = "db.lesbases.example"
    settings.METABASE_DB_PORT = "5433"
    yield fake
    server.shutdown()
    server.server_close()


def sync(*args) -> str:
    output = io.StringIO()
    call_command("metabase_sync", *args, stdout=output)
    return output.getvalue()


def calls_during(fake: FakeMetabase, *args) -> list[tuple]:
    """The writes (every call but reads and signing in) one run of the command makes."""
    before = len(fake.writes())
    sync(*args)
    return fake.writes()[before:]


def live_cards(fake: FakeMetabase) -> dict[str, dict]:
    return {card["name"]: card for card in fake.cards.values() if not card["archived"]}


def placements(fake: FakeMetabase, dashboard: dict) -> list[tuple]:
    names = {card["id"]: card["name"] for card in fake.cards.values()}
    return sorted(
        (names[dashcard["card_id"]], dashcard["row"], dashcard["col"], dashcard["size_x"], dashcard["size_y"])
        for dashcard in dashboard["dashcards"]
    )


def spec_placements(spec: dict) -> list[tuple]:
    return sorted(
        (entry["question"], entry["row"], entry["col"], entry["size_x"], entry["size_y"])
        for entry in spec["dashboard"]["layout"]
    )


def edited_spec(tmp_path, edit) -> str:
    spec = load_spec()
    edit(spec)
    path = tmp_path / "dashboard.json"
    path.write_text(json.dumps(spec))
    return str(path)


def test_a_first_run_creates_the_connection_collection_questions_and_embeddable_dashboard(metabase, settings):
    spec = load_spec()
    output = sync()

    [database] = [db for db in metabase.databases.values() if db["name"] == spec["database"]["name"]]
    assert database["engine"] == "postgres"
    assert database["details"] == {
        "ssl": True,
        "schema-filters-type": "inclusion",
        "schema-filters-patterns": "stats",
        "host": "db.lesbases.example",
        "port": 5433,
        "dbname": settings.DATABASES["default"]["NAME"],
        "user": "metabase",
        "password": DB_PASSWORD,
    }
    assert metabase.settings["enable-embedding-static"] is True

    [collection] = [c for c in metabase.collections.values() if not c["personal_owner_id"]]
    assert collection["name"] == spec["collection"]["name"]

    cards = live_cards(metabase)
    assert sorted(cards) == sorted(question["name"] for question in spec["questions"])
    for question in spec["questions"]:
        card = cards[question["name"]]
        assert card["dataset_query"] == {
            "type": "native",
            "native": {"query": question_sql(question), "template-tags": {}},
            "database": database["id"],
        }
        assert (card["display"], card["collection_id"]) == (question["display"], collection["id"])

    [dashboard] = metabase.dashboards.values()
    assert (dashboard["enable_embedding"], dashboard["embedding_params"]) == (True, {})
    assert dashboard["collection_id"] == collection["id"]
    assert placements(metabase, dashboard) == spec_placements(spec)
    assert f"METABASE_DASHBOARD_ID={dashboard['id']}" in output
    assert not [call for call in metabase.calls if call[1].endswith("/cards")]


def test_a_second_run_changes_nothing(metabase):
    sync()
    assert calls_during(metabase) == []
    assert "rien à changer" in sync()
    assert len(metabase.cards) == len(load_spec()["questions"])
    assert len(metabase.dashboards) == 1


def test_a_changed_question_is_updated_in_place(metabase, tmp_path):
    sync()
    card_id = live_cards(metabase)["Recommandations"]["id"]
    dashcards_before = {dashcard["id"] for dashcard in next(iter(metabase.dashboards.values()))["dashcards"]}

    def change_recommendations(spec):
        [question] = [q for q in spec["questions"] if q["name"] == "Recommandations"]
        question["sql"] = [
            "SELECT value AS note, count(*) AS reponses FROM stats.ratings GROUP BY 1 ORDER BY 2 DESC"
        ]
        question["display"] = "pie"

    path = edited_spec(tmp_path, change_recommendations)
    writes = calls_during(metabase, "--spec", path)

    assert [(method, endpoint) for method, endpoint, _ in writes] == [("PUT", f"/api/card/{card_id}")]
    card = live_cards(metabase)["Recommandations"]
    assert card["id"] == card_id
    assert card["display"] == "pie"
    assert card["dataset_query"]["native"]["query"].endswith("ORDER BY 2 DESC")
    assert len(metabase.cards) == len(load_spec()["questions"])
    dashboard = next(iter(metabase.dashboards.values()))
    assert {dashcard["id"] for dashcard in dashboard["dashcards"]} == dashcards_before
    assert calls_during(metabase, "--spec", path) == []


def test_a_question_left_out_is_archived_and_taken_off_the_dashboard(metabase, tmp_path):
    sync()
    dashboard = next(iter(metabase.dashboards.values()))
    kept_dashcards = {d["id"] for d in dashboard["dashcards"]} - {
        d["id"]
        for d in dashboard["dashcards"]
        if d["card_id"] == live_cards(metabase)["Recommandations"]["id"]
    }

    def drop_recommendations(spec):
        spec["questions"] = [q for q in spec["questions"] if q["name"] != "Recommandations"]
        spec["dashboard"]["layout"] = [
            e for e in spec["dashboard"]["layout"] if e["question"] != "Recommandations"
        ]

    sync("--spec", edited_spec(tmp_path, drop_recommendations))

    assert "Recommandations" not in live_cards(metabase)
    assert {d["id"] for d in dashboard["dashcards"]} == kept_dashcards


def test_a_moved_card_keeps_its_place_on_the_dashboard_and_its_id(metabase, tmp_path):
    sync()
    dashboard = next(iter(metabase.dashboards.values()))
    ids_before = sorted(d["id"] for d in dashboard["dashcards"])

    def move_recommendations(spec):
        [entry] = [e for e in spec["dashboard"]["layout"] if e["question"] == "Recommandations"]
        entry.update(row=40, col=0, size_x=24)

    path = edited_spec(tmp_path, move_recommendations)
    writes = calls_during(metabase, "--spec", path)
    assert [(method, endpoint) for method, endpoint, _ in writes] == [
        ("PUT", f"/api/dashboard/{dashboard['id']}")
    ]
    assert sorted(d["id"] for d in dashboard["dashcards"]) == ids_before
    assert ("Recommandations", 40, 0, 24, 8) in placements(metabase, dashboard)


def test_a_new_database_address_updates_the_connection(metabase, settings):
    sync()
    settings.METABASE_DB_HOST = "autre-hote.lesbases.example"
    writes = calls_during(metabase)
    [(method, endpoint, body)] = writes
    assert (method, body["details"]["host"]) == ("PUT", "autre-hote.lesbases.example")
    assert endpoint.startswith("/api/database/")


def test_the_password_is_sent_again_only_when_asked(metabase, settings):
    sync()
    settings.METABASE_DB_PASSWORD = "nouveau-mot-de-passe"
    assert calls_during(metabase) == []
    [(method, _, body)] = calls_during(metabase, "--rotate-password")
    assert (method, body["details"]["password"]) == ("PUT", "nouveau-mot-de-passe")
    [database] = [db for db in metabase.databases.values() if db["engine"] == "postgres"]
    assert database["details"]["password"] == "nouveau-mot-de-passe"


def test_a_question_duplicated_by_hand_in_the_collection_is_archived(metabase):
    sync()
    original = live_cards(metabase)["Recommandations"]
    copy = metabase.create_card(
        {},
        {
            k: original[k]
            for k in ("name", "display", "dataset_query", "visualization_settings", "collection_id")
        },
    )[1]
    sync()
    assert metabase.cards[copy["id"]]["archived"] is True
    assert metabase.cards[original["id"]]["archived"] is False


def test_an_api_key_signs_in_without_a_session(metabase, settings):
    settings.METABASE_ADMIN_EMAIL = settings.METABASE_ADMIN_PASSWORD = ""
    settings.METABASE_API_KEY = API_KEY
    sync()
    assert not [call for call in metabase.calls if call[1] == "/api/session"]
    assert len(metabase.dashboards) == 1


def test_a_wrong_admin_password_stops_with_metabase_s_answer(metabase, settings):
    settings.METABASE_ADMIN_PASSWORD = "pas-le-bon"
    with pytest.raises(CommandError, match=r"Connexion à Metabase .* 401"):
        sync()


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("METABASE_URL", "METABASE_URL n'est pas défini"),
        ("METABASE_DB_PASSWORD", "METABASE_DB_PASSWORD n'est pas défini"),
        ("METABASE_ADMIN_PASSWORD", "METABASE_API_KEY"),
    ],
)
def test_missing_settings_are_named(metabase, settings, setting, message):
    setattr(settings, setting, "")
    with pytest.raises(CommandError, match=message):
        sync()
    assert metabase.writes() == []
