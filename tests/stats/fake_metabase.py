"""A fake Metabase on loopback: the REST endpoints metabase_sync uses, with Metabase's payload shapes.

Shapes follow Metabase 0.50+: ``GET /api/database`` answers ``{"data": [...], "total": n}``; collection
items come as ``{"data": [...], "total", "models", "limit", "offset"}``; a dashboard carries its
``dashcards`` and ``tabs`` and is updated with them by ``PUT /api/dashboard/:id`` (new dashcards have
negative ids, the ones left out are removed); ``/api/dashboard/:id/cards`` no longer exists; a saved
database password reads back as ``**MetabasePass**``; settings are read and written one by one.
Every request is recorded, for the tests to assert what was called.
"""

import itertools
import json
import re
import threading
import uuid
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ADMIN = {"email": "admin@metabase.example", "password": "mot-de-passe-admin"}
API_KEY = "mb_cle-d-api-de-test"
NOT_FOUND = "API endpoint does not exist."


def now() -> str:
    return datetime.now(UTC).isoformat()


class FakeMetabase:
    def __init__(self):
        self.calls: list[tuple[str, str, dict | None]] = []
        self.sessions: set[str] = set()
        self.settings = {"enable-embedding-static": False, "site-name": "Metabase"}
        self._ids = itertools.count(2)
        self.databases = {
            1: {
                "id": 1,
                "name": "Sample Database",
                "engine": "h2",
                "details": {"db": "file:/plugins/sample-database.db;USER=GUEST;PASSWORD=guest"},
                "is_sample": True,
                "is_full_sync": True,
                "created_at": now(),
                "updated_at": now(),
            }
        }
        self.collections = {
            1: {
                "id": 1,
                "name": "Admin Metabase's Personal Collection",
                "personal_owner_id": 1,
                "location": "/",
                "archived": False,
                "description": None,
            }
        }
        self.cards: dict[int, dict] = {}
        self.dashboards: dict[int, dict] = {}
        self.lock = threading.Lock()

    def writes(self) -> list[tuple[str, str, dict | None]]:
        return [call for call in self.calls if call[0] != "GET" and call[1] != "/api/session"]

    # Routing ----------------------------------------------------------------------------------------

    def handle(self, method: str, path: str, query: dict, body, headers) -> tuple[int, object]:
        with self.lock:
            self.calls.append((method, path, body))
            if (method, path) == ("POST", "/api/session"):
                return self.session(body)
            if not self.authenticated(headers):
                return 401, "Unauthenticated"
            setting = re.fullmatch(r"/api/setting/([a-z0-9-]+)", path)
            if setting and method in ("GET", "PUT"):
                return self.setting(method, setting.group(1), body)
            for pattern, handler in self.routes():
                match = re.fullmatch(pattern, f"{method} {path}")
                if match:
                    return handler(query, body, *(int(group) for group in match.groups()))
            return 404, NOT_FOUND

    def routes(self):
        return [
            (r"GET /api/user/current", self.current_user),
            (r"GET /api/database", self.list_databases),
            (r"POST /api/database", self.create_database),
            (r"GET /api/database/(\d+)", self.get_database),
            (r"PUT /api/database/(\d+)", self.update_database),
            (r"GET /api/collection", self.list_collections),
            (r"POST /api/collection", self.create_collection),
            (r"PUT /api/collection/(\d+)", self.update_collection),
            (r"GET /api/collection/(\d+)/items", self.collection_items),
            (r"POST /api/card", self.create_card),
            (r"GET /api/card/(\d+)", self.get_card),
            (r"PUT /api/card/(\d+)", self.update_card),
            (r"POST /api/dashboard", self.create_dashboard),
            (r"GET /api/dashboard/(\d+)", self.get_dashboard),
            (r"PUT /api/dashboard/(\d+)", self.update_dashboard),
        ]

    def authenticated(self, headers) -> bool:
        return headers.get("X-Metabase-Session") in self.sessions or headers.get("X-API-KEY") == API_KEY

    # Endpoints ----------------------------------------------------------------------------------------

    def session(self, body):
        if body != {"username": ADMIN["email"], "password": ADMIN["password"]}:
            return 401, {"errors": {"password": "did not match stored password"}}
        token = str(uuid.uuid4())
        self.sessions.add(token)
        return 200, {"id": token}

    def current_user(self, query, body):
        return 200, {"id": 1, "email": ADMIN["email"], "first_name": "Admin", "is_superuser": True}

    def setting(self, method, key, body):
        if key not in self.settings:
            return 404, NOT_FOUND
        if method == "GET":
            return 200, self.settings[key]
        self.settings[key] = body["value"]
        return 204, None

    def list_databases(self, query, body):
        databases = [self._public_database(db) for db in self.databases.values()]
        return 200, {"data": databases, "total": len(databases)}

    def create_database(self, query, body):
        missing = [key for key in ("name", "engine", "details") if not body.get(key)]
        if missing:
            return 400, {"errors": dict.fromkeys(missing, "value must be a non-blank string.")}
        database_id = next(self._ids)
        self.databases[database_id] = {
            "id": database_id,
            "name": body["name"],
            "engine": body["engine"],
            "details": dict(body["details"]),
            "is_sample": False,
            "is_full_sync": body.get("is_full_sync", True),
            "created_at": now(),
            "updated_at": now(),
        }
        return 200, self._public_database(self.databases[database_id])

    def get_database(self, query, body, database_id):
        if database_id not in self.databases:
            return 404, "Not found."
        return 200, self._public_database(self.databases[database_id])

    def update_database(self, query, body, database_id):
        database = self.databases.get(database_id)
        if database is None:
            return 404, "Not found."
        details = dict(body.get("details", database["details"]))
        if details.get("password") == "**MetabasePass**":
            details["password"] = database["details"].get("password")
        database.update(
            {key: value for key, value in body.items() if key in ("name", "engine")},
            details=details,
            updated_at=now(),
        )
        return 200, self._public_database(database)

    def list_collections(self, query, body):
        root = {"id": "root", "name": "Our analytics", "can_write": True, "effective_ancestors": []}
        return 200, [root, *(dict(collection) for collection in self.collections.values())]

    def create_collection(self, query, body):
        if not body.get("name"):
            return 400, {"errors": {"name": "value must be a non-blank string."}}
        collection_id = next(self._ids)
        self.collections[collection_id] = {
            "id": collection_id,
            "name": body["name"],
            "description": body.get("description"),
            "location": "/",
            "personal_owner_id": None,
            "archived": False,
            "slug": body["name"].lower().replace(" ", "_"),
            "entity_id": uuid.uuid4().hex[:21],
        }
        return 200, dict(self.collections[collection_id])

    def update_collection(self, query, body, collection_id):
        self.collections[collection_id].update(body)
        return 200, dict(self.collections[collection_id])

    def collection_items(self, query, body, collection_id):
        models = query.get("models") or ["card", "dashboard", "collection"]
        items = [
            {"id": card["id"], "name": card["name"], "model": "card", "display": card["display"],
             "description": card["description"], "collection_position": None, "entity_id": card["entity_id"]}
            for card in self.cards.values()
            if card["collection_id"] == collection_id and not card["archived"] and "card" in models
        ] + [
            {"id": dashboard["id"], "name": dashboard["name"], "model": "dashboard",
             "description": dashboard["description"], "collection_position": None,
             "entity_id": dashboard["entity_id"]}
            for dashboard in self.dashboards.values()
            if dashboard["collection_id"] == collection_id and not dashboard["archived"] and "dashboard" in models
        ]  # fmt: skip
        return 200, {"total": len(items), "data": items, "models": models, "limit": None, "offset": None}

    def create_card(self, query, body):
        errors = {}
        for key in ("name", "display"):
            if not body.get(key):
                errors[key] = "value must be a non-blank string."
        for key in ("dataset_query", "visualization_settings"):
            if not isinstance(body.get(key), dict):
                errors[key] = "Value must be a map."
        if errors:
            return 400, {"errors": errors}
        card_id = next(self._ids)
        self.cards[card_id] = {
            "id": card_id,
            "entity_id": uuid.uuid4().hex[:21],
            "type": "question",
            "query_type": body["dataset_query"].get("type"),
            "database_id": body["dataset_query"].get("database"),
            "archived": False,
            "enable_embedding": False,
            "embedding_params": None,
            "result_metadata": None,
            "parameters": [],
            "parameter_mappings": [],
            "cache_ttl": None,
            "creator_id": 1,
            "created_at": now(),
            "updated_at": now(),
            "description": None,
            "collection_id": None,
            **body,
        }
        return 200, dict(self.cards[card_id])

    def get_card(self, query, body, card_id):
        if card_id not in self.cards:
            return 404, "Not found."
        return 200, dict(self.cards[card_id])

    def update_card(self, query, body, card_id):
        card = self.cards.get(card_id)
        if card is None:
            return 404, "Not found."
        card.update(body, updated_at=now())
        if "dataset_query" in body:
            card["database_id"] = body["dataset_query"].get("database")
        return 200, dict(card)

    def create_dashboard(self, query, body):
        if not body.get("name"):
            return 400, {"errors": {"name": "value must be a non-blank string."}}
        dashboard_id = next(self._ids)
        self.dashboards[dashboard_id] = {
            "id": dashboard_id,
            "name": body["name"],
            "description": body.get("description"),
            "collection_id": body.get("collection_id"),
            "parameters": body.get("parameters", []),
            "dashcards": [],
            "tabs": [],
            "archived": False,
            "enable_embedding": False,
            "embedding_params": None,
            "public_uuid": None,
            "entity_id": uuid.uuid4().hex[:21],
            "creator_id": 1,
            "created_at": now(),
            "updated_at": now(),
        }
        return 200, self._public_dashboard(self.dashboards[dashboard_id])

    def get_dashboard(self, query, body, dashboard_id):
        if dashboard_id not in self.dashboards:
            return 404, "Not found."
        return 200, self._public_dashboard(self.dashboards[dashboard_id])

    def update_dashboard(self, query, body, dashboard_id):
        dashboard = self.dashboards.get(dashboard_id)
        if dashboard is None:
            return 404, "Not found."
        if "dashcards" in body:
            error = self._replace_dashcards(dashboard, body["dashcards"])
            if error:
                return 400, {"errors": {"dashcards": error}}
        dashboard.update(
            {key: value for key, value in body.items() if key not in ("dashcards", "tabs")}, updated_at=now()
        )
        return 200, self._public_dashboard(dashboard)

    # Helpers ----------------------------------------------------------------------------------------

    def _replace_dashcards(self, dashboard: dict, dashcards: list[dict]) -> str | None:
        ids = [dashcard.get("id") for dashcard in dashcards]
        if None in ids or len(set(ids)) != len(ids):
            return "value must be seq of maps in which ids are unique"
        known = {dashcard["id"]: dashcard for dashcard in dashboard["dashcards"]}
        replaced = []
        for dashcard in dashcards:
            if any(not isinstance(dashcard.get(key), int) for key in ("row", "col", "size_x", "size_y")):
                return "value must be a valid DashboardCard map."
            if dashcard["id"] >= 0 and dashcard["id"] not in known:
                return f"dashcard {dashcard['id']} is not on this dashboard"
            kept = known.get(dashcard["id"], {"id": next(self._ids), "created_at": now()})
            replaced.append(
                {
                    **kept,
                    "card_id": dashcard["card_id"],
                    "dashboard_id": dashboard["id"],
                    "dashboard_tab_id": None,
                    "row": dashcard["row"],
                    "col": dashcard["col"],
                    "size_x": dashcard["size_x"],
                    "size_y": dashcard["size_y"],
                    "series": dashcard.get("series", []),
                    "parameter_mappings": dashcard.get("parameter_mappings", []),
                    "visualization_settings": dashcard.get("visualization_settings", {}),
                    "updated_at": now(),
                }
            )
        dashboard["dashcards"] = replaced
        return None

    def _public_database(self, database: dict) -> dict:
        details = dict(database["details"])
        if "password" in details:
            details["password"] = "**MetabasePass**"
        return {**database, "details": details, "features": ["native-parameters", "basic-aggregations"]}

    def _public_dashboard(self, dashboard: dict) -> dict:
        dashcards = [
            {**dashcard, "card": dict(self.cards[dashcard["card_id"]])} for dashcard in dashboard["dashcards"]
        ]
        return {**dashboard, "dashcards": dashcards}


def serve(fake: FakeMetabase) -> ThreadingHTTPServer:
    """Serve ``fake`` on 127.0.0.1 in a thread; the caller shuts the server down."""

    class Handler(BaseHTTPRequestHandler):
        def _respond(self, method: str):
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            status, answer = fake.handle(
                method, url.path.rstrip("/") or "/", parse_qs(url.query), body, self.headers
            )
            payload = (
                b""
                if answer is None
                else (answer if isinstance(answer, str) else json.dumps(answer)).encode()
            )
            self.send_response(status)
            self.send_header("Content-Type", "text/plain" if isinstance(answer, str) else "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self):
            self._respond("GET")

        def do_POST(self):
            self._respond("POST")

        def do_PUT(self):
            self._respond("PUT")

        def do_DELETE(self):
            self._respond("DELETE")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
