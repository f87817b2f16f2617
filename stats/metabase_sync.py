"""Dashboards as code: make Metabase match infra/metabase/dashboard.json, changing only what differs.

The spec names a database connection (through the read-only role), Metabase settings, a collection,
SQL questions and a dashboard laid out on Metabase's 24-column grid. Objects are found by name: the
collection at the root, the questions and the dashboard inside it. The collection belongs to the
spec: a question or dashboard in it that the spec no longer names is archived, so renaming a question
replaces it. Running again changes nothing; a changed question is updated in place.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from stats.metabase_client import MetabaseClient

SPEC_PATH = Path(__file__).resolve().parents[1] / "infra" / "metabase" / "dashboard.json"
# Metabase shows a saved password as this placeholder and keeps the stored one when sent it back.
HIDDEN_PASSWORD = "**MetabasePass**"


def load_spec(path: Path = SPEC_PATH) -> dict:
    spec = json.loads(path.read_text())
    questions = {question["name"] for question in spec["questions"]}
    unknown = [
        entry["question"] for entry in spec["dashboard"]["layout"] if entry["question"] not in questions
    ]
    if unknown:
        raise ValueError(f"Le tableau de bord place des questions inconnues : {', '.join(unknown)}")
    return spec


def question_sql(question: dict) -> str:
    sql = question["sql"]
    return "\n".join(sql) if isinstance(sql, list) else sql


@dataclass
class Sync:
    client: MetabaseClient
    spec: dict
    connection: dict
    rotate_password: bool = False
    changes: list[str] = field(default_factory=list)

    def run(self) -> int:
        """Apply the spec; return the dashboard's id."""
        self.apply_settings()
        database_id = self.database()
        collection_id = self.collection()
        card_ids = self.questions(collection_id, database_id)
        return self.dashboard(collection_id, card_ids)

    def apply_settings(self) -> None:
        for key, value in self.spec.get("settings", {}).items():
            if self.client.get(f"/api/setting/{key}") != value:
                self.client.put(f"/api/setting/{key}", {"value": value})
                self.changes.append(f"réglage {key} = {json.dumps(value)}")

    def database(self) -> int:
        wanted = self.spec["database"]
        details = {**wanted.get("details", {}), **self.connection}
        answer = self.client.get("/api/database")
        databases = answer["data"] if isinstance(answer, dict) else answer
        current = next((db for db in databases if db["name"] == wanted["name"]), None)
        payload = {"name": wanted["name"], "engine": wanted["engine"], "details": details}
        if current is None:
            created = self.client.post("/api/database", {**payload, "is_full_sync": True})
            self.changes.append(f"base de données « {wanted['name']} » ajoutée")
            return created["id"]
        if self.rotate_password or not _same_connection(current, wanted["engine"], details):
            self.client.put(f"/api/database/{current['id']}", payload)
            self.changes.append(f"base de données « {wanted['name']} » mise à jour")
        return current["id"]

    def collection(self) -> int:
        wanted = self.spec["collection"]
        current = next(
            (
                collection
                for collection in self.client.get("/api/collection")
                if collection.get("name") == wanted["name"]
                and isinstance(collection.get("id"), int)
                and not collection.get("archived")
                and not collection.get("personal_owner_id")
                and collection.get("location", "/") == "/"
            ),
            None,
        )
        description = wanted.get("description") or None
        if current is None:
            created = self.client.post(
                "/api/collection", {"name": wanted["name"], "description": description, "parent_id": None}
            )
            self.changes.append(f"collection « {wanted['name']} » créée")
            return created["id"]
        if current.get("description") != description:
            self.client.put(f"/api/collection/{current['id']}", {"description": description})
            self.changes.append(f"collection « {wanted['name']} » mise à jour")
        return current["id"]

    def questions(self, collection_id: int, database_id: int) -> dict[str, int]:
        """Create or update each question; archive the collection's others. Return ids by name."""
        existing = self._items(collection_id, "card")
        ids = {}
        for question in self.spec["questions"]:
            payload = _card_payload(question, collection_id, database_id)
            card = existing.pop(question["name"], None)
            if card is None:
                ids[question["name"]] = self.client.post("/api/card", payload)["id"]
                self.changes.append(f"question « {question['name']} » créée")
                continue
            ids[question["name"]] = card["id"]
            if _card_differs(self.client.get(f"/api/card/{card['id']}"), payload):
                self.client.put(f"/api/card/{card['id']}", payload)
                self.changes.append(f"question « {question['name']} » mise à jour")
        self._archive("card", existing)
        return ids

    def dashboard(self, collection_id: int, card_ids: dict[str, int]) -> int:
        wanted = self.spec["dashboard"]
        existing = self._items(collection_id, "dashboard")
        found = existing.pop(wanted["name"], None)
        self._archive("dashboard", existing)
        if found is None:
            dashboard_id = self.client.post(
                "/api/dashboard",
                {
                    "name": wanted["name"],
                    "description": wanted.get("description"),
                    "collection_id": collection_id,
                    "parameters": [],
                },
            )["id"]
            self.changes.append(f"tableau de bord « {wanted['name']} » créé")
        else:
            dashboard_id = found["id"]
        current = self.client.get(f"/api/dashboard/{dashboard_id}")
        layout = [{**entry, "card_id": card_ids[entry["question"]]} for entry in wanted["layout"]]
        if _dashboard_differs(current, wanted, layout):
            self.client.put(
                f"/api/dashboard/{dashboard_id}",
                {
                    "description": wanted.get("description"),
                    # Static embedding: the statistics page frames it with a signed token.
                    "enable_embedding": True,
                    "embedding_params": {},
                    "dashcards": _dashcards(current.get("dashcards", []), layout),
                    "tabs": current.get("tabs", []),
                },
            )
            if found is not None:
                self.changes.append(f"tableau de bord « {wanted['name']} » mis à jour")
        return dashboard_id

    def _items(self, collection_id: int, model: str) -> dict[str, dict]:
        """The collection's live items of this model, by name (the first of any duplicates wins)."""
        answer = self.client.get(f"/api/collection/{collection_id}/items", models=model)
        items = answer["data"] if isinstance(answer, dict) else answer
        by_name: dict[str, dict] = {}
        duplicates = {}
        for item in items:
            if item.get("model", model) != model:
                continue
            if item["name"] in by_name:
                duplicates[f"{item['name']} ({item['id']})"] = item
            else:
                by_name[item["name"]] = item
        self._archive(model, duplicates)
        return by_name

    def _archive(self, model: str, items: dict[str, dict]) -> None:
        for name, item in items.items():
            self.client.put(f"/api/{model}/{item['id']}", {"archived": True})
            self.changes.append(f"{'question' if model == 'card' else 'tableau de bord'} « {name} » archivé")


def _same_connection(current: dict, engine: str, details: dict) -> bool:
    stored = current.get("details") or {}
    return current.get("engine") == engine and all(
        stored.get(key) == value for key, value in details.items() if key != "password"
    )


def _card_payload(question: dict, collection_id: int, database_id: int) -> dict:
    return {
        "name": question["name"],
        "description": question.get("description") or None,
        "display": question["display"],
        "collection_id": collection_id,
        "dataset_query": {
            "type": "native",
            "native": {"query": question_sql(question), "template-tags": {}},
            "database": database_id,
        },
        "visualization_settings": question.get("visualization_settings", {}),
    }


def _card_differs(card: dict, payload: dict) -> bool:
    query = card.get("dataset_query") or {}
    return (
        _native_sql(query) != payload["dataset_query"]["native"]["query"]
        or query.get("database") != payload["dataset_query"]["database"]
        or any(card.get(key) != payload[key] for key in ("description", "display", "visualization_settings"))
        or card.get("collection_id") != payload["collection_id"]
    )


def _native_sql(query: dict) -> str | None:
    """The SQL of a native question, whether Metabase answers in its legacy shape or in MBQL 5 stages."""
    if "native" in query:
        return query["native"].get("query")
    stages = query.get("stages") or [{}]
    return stages[0].get("native")


def _dashboard_differs(current: dict, wanted: dict, layout: list[dict]) -> bool:
    return (
        not current.get("enable_embedding")
        or (current.get("embedding_params") or {}) != {}
        or current.get("description") != wanted.get("description")
        or _placements(current.get("dashcards", [])) != _placements(layout)
    )


def _placements(cards: list[dict]) -> list[tuple]:
    return sorted(
        (card["card_id"], card["row"], card["col"], card["size_x"], card["size_y"]) for card in cards
    )


def _dashcards(current: list[dict], layout: list[dict]) -> list[dict]:
    """The dashboard's cards as Metabase's PUT wants them: an existing dashcard keeps its id, a new one
    gets a negative id; the cards left out are removed."""
    reusable: dict[int, list[int]] = {}
    for dashcard in current:
        reusable.setdefault(dashcard["card_id"], []).append(dashcard["id"])
    cards = []
    for number, entry in enumerate(layout, start=1):
        ids = reusable.get(entry["card_id"])
        cards.append(
            {
                "id": ids.pop(0) if ids else -number,
                "card_id": entry["card_id"],
                "row": entry["row"],
                "col": entry["col"],
                "size_x": entry["size_x"],
                "size_y": entry["size_y"],
                "series": [],
                "parameter_mappings": [],
                "visualization_settings": {},
            }
        )
    return cards
