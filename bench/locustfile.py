"""The visitors and members that bench/load.py sends through the edge (locust, headless).

Most users visit without signing in: home, a category, resource pages, searches with filters. One in
five signs in by the code e-mailed to them (bench/load.py writes each code it receives to
``LOAD_CODES_DIR``) and saves resources in their favourites. Every user comes from an address of its
own (``X-Forwarded-For``), as real visitors do, so that the sign-in limits count each one apart.
"""

import itertools
import os
import random
import re
import time
from pathlib import Path

from locust import HttpUser, between, task

HOST = os.environ.get("LOAD_HOST", "lesbases.test")
CODES = Path(os.environ.get("LOAD_CODES_DIR", "/tmp"))
RESOURCES = os.environ.get("LOAD_RESOURCES", "").split()
RESOURCE_IDS = os.environ.get("LOAD_RESOURCE_IDS", "").split()
CATEGORIES = os.environ.get("LOAD_CATEGORIES", "").split()
SEARCHES = [
    "?q=atelier",
    "?q=numérique&types=ressources-pedagogiques",
    "?q=smartphone&tri=recent",
    "?thematiques=accessibilite",
]
_numbers = itertools.count(1)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor(HttpUser):
    wait_time = between(1, 3)
    weight = 4

    def on_start(self):
        number = next(_numbers)
        self.client.headers.update(
            {
                "Host": HOST,
                "X-Forwarded-Proto": "https",
                "X-Forwarded-For": f"10.1.{number // 250}.{number % 250}",
            }
        )

    @task(3)
    def home(self):
        self.client.get("/", name="/")

    @task(2)
    def category(self):
        self.client.get(f"/{random.choice(CATEGORIES)}/", name="/<catégorie>/")

    @task(6)
    def resource(self):
        self.client.get(random.choice(RESOURCES), name="/ressources/<ressource>/")

    @task(3)
    def search(self):
        self.client.get(f"/rechercher/{random.choice(SEARCHES)}", name="/rechercher/?…")


class Member(Visitor):
    weight = 1

    def on_start(self):
        super().on_start()
        # The site's cookies are Secure: in production TLS ends in front of the edge; here the edge is
        # reached in plain HTTP on loopback, where they would not be sent back.
        send = self.client.request

        def request(*args, **kwargs):
            for cookie in self.client.cookies:
                cookie.secure = False
            return send(*args, **kwargs)

        self.client.request = request
        self.email = f"charge-{next(_numbers)}@lesbases.test"
        self.sign_in()

    def form_post(self, path, fields, name):
        """Read the form (for its CSRF token), then send it, as a browser does."""
        page = self.client.get(path, name=name)
        token = TOKEN.search(page.text).group(1)
        referer = {"Referer": f"https://{HOST}{path}"}
        return self.client.post(path, {"csrfmiddlewaretoken": token, **fields}, headers=referer, name=name)

    def sign_in(self):
        code_file = CODES / f"{self.email}.code"
        code_file.unlink(missing_ok=True)
        self.form_post("/compte/login/code/", {"email": self.email}, "connexion : demande du code")
        deadline = time.monotonic() + 10
        while not code_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        code = code_file.read_text()
        self.form_post("/compte/login/code/confirm/", {"code": code}, "connexion : code")

    @task(2)
    def save(self):
        path = f"/collections/enregistrer/{random.choice(RESOURCE_IDS)}/"
        page = self.client.get(path, name="/collections/enregistrer/<id>/")
        favourites = re.search(r'name="collections" value="(\d+)"', page.text).group(1)
        self.form_post(path, {"collections": favourites}, "/collections/enregistrer/<id>/")
