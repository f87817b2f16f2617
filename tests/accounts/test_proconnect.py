"""ProConnect sign-in, against a faithful OpenID Connect provider served on loopback.

The fake provider publishes its discovery document and keys, redirects back from its authorize
endpoint with a code, checks the client secret and the PKCE verifier at its token endpoint, signs
the ID token (with the nonce it was given) and, as ProConnect does, answers userinfo with a JWT."""

import base64
import hashlib
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
import requests
from allauth.socialaccount.models import SocialAccount
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth.models import Group
from django.test import Client
from jwt.algorithms import RSAAlgorithm

from accounts.models import User
from accounts.roles import ADMINISTRATORS_GROUP
from community.models import Collection
from resources.permissions import CONTRIBUTORS_GROUP
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

CLIENT_ID, CLIENT_SECRET = "les-bases", "secret-de-test"
IDENTITY = {
    "sub": "agent-42",
    "email": "agent.public@example.gouv.fr",
    "given_name": "Claude",
    "usual_name": "Lemoine",
}


class FakeProConnect:
    kid = "cle-de-test"

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.codes: dict[str, dict] = {}
        self.tokens: set[str] = set()
        self.replayed_nonce = None
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def sign(self, claims: dict) -> str:
        now = int(time.time())
        claims = {"iss": self.url, "aud": CLIENT_ID, "iat": now, "exp": now + 60, **claims}
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})

    def discovery(self) -> dict:
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "jwks_uri": f"{self.url}/jwks",
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "userinfo_signing_alg_values_supported": ["RS256"],
        }

    def jwks(self) -> dict:
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}]}

    def authorize(self, query: dict) -> str:
        assert query["client_id"] == CLIENT_ID and query["response_type"] == "code"
        assert query["code_challenge_method"] == "S256" and query["nonce"]
        code = uuid.uuid4().hex
        self.codes[code] = query
        return f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"

    def token(self, form: dict) -> tuple[int, dict]:
        request = self.codes.pop(form.get("code"), None)
        if request is None or form.get("client_secret") != CLIENT_SECRET:
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "").encode()
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=").decode()
        if challenge != request["code_challenge"] or form.get("redirect_uri") != request["redirect_uri"]:
            return 400, {"error": "invalid_grant"}
        access_token = uuid.uuid4().hex
        self.tokens.add(access_token)
        nonce = self.replayed_nonce or request["nonce"]
        id_token = self.sign({"sub": IDENTITY["sub"], "nonce": nonce, "acr": "eidas1"})
        return 200, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 60,
            "id_token": id_token,
        }

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlsplit(self.path)
                query = {key: values[0] for key, values in parse_qs(url.query).items()}
                if url.path == "/.well-known/openid-configuration":
                    self.answer(200, "application/json", json.dumps(provider.discovery()))
                elif url.path == "/jwks":
                    self.answer(200, "application/json", json.dumps(provider.jwks()))
                elif url.path == "/authorize":
                    self.send_response(302)
                    self.send_header("Location", provider.authorize(query))
                    self.end_headers()
                elif url.path == "/userinfo":
                    token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    if token not in provider.tokens:
                        self.answer(401, "application/json", "{}")
                    else:
                        self.answer(200, "application/jwt", provider.sign(IDENTITY))
                else:
                    self.answer(404, "text/plain", "")

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                form = {key: values[0] for key, values in parse_qs(body).items()}
                status, payload = provider.token(form) if self.path == "/token" else (404, {})
                self.answer(status, "application/json", json.dumps(payload))

            def answer(self, status, content_type, body):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args):
                pass

        return Handler


@pytest.fixture
def proconnect(settings):
    provider = FakeProConnect()
    threading.Thread(target=provider.server.serve_forever, args=(0.05,), daemon=True).start()
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"],
            "APPS": [
                {
                    "provider_id": "proconnect",
                    "name": "ProConnect",
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "settings": {
                        "server_url": provider.url,
                        "token_auth_method": "client_secret_post",
                        "scope": ["openid", "email", "given_name", "usual_name"],
                        "verified_email": True,
                    },
                }
            ],
        }
    }
    yield provider
    provider.server.shutdown()
    provider.server.server_close()


def sign_in_with_proconnect(client):
    html = client.get("/connexion/").content.decode()
    action = html.split('<div class="fr-connect-group')[1].split('action="')[1].split('"')[0]
    return through_proconnect(client, action.replace("&amp;", "&"))


def through_proconnect(client, action):
    """Post the button's form, let the provider answer, and come back to the callback."""
    to_provider = client.post(action)
    assert to_provider.status_code == 302
    back = requests.get(to_provider.url, allow_redirects=False, timeout=5).headers["Location"]
    assert back.startswith("http://testserver/compte/oidc/proconnect/login/callback/")
    return client.get(back.removeprefix("http://testserver"), follow=True)


def test_the_button_shows_only_when_proconnect_is_configured(client, settings):
    assert "ProConnect" not in client.get("/connexion/").content.decode()
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "proconnect",
                    "name": "ProConnect",
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "settings": {"server_url": "https://proconnect.example.org/api/v2"},
                }
            ]
        }
    }
    for path in ("/connexion/", "/inscription/"):
        html = client.get(path).content.decode()
        assert "S\u2019identifier avec" in html and 'class="fr-connect"' in html


def test_a_new_agent_accepts_the_terms_and_is_signed_up(client, proconnect, settings):
    response = sign_in_with_proconnect(client)

    assert response.wsgi_request.path == "/compte/3rdparty/signup/"
    form = response.context["form"]
    assert (form["first_name"].value(), form["last_name"].value()) == ("Claude", "Lemoine")
    assert form["email"].value() == IDENTITY["email"]
    fields = {"first_name": "Claude", "last_name": "Lemoine", "email": IDENTITY["email"]}
    refused = client.post("/compte/3rdparty/signup/", fields)
    assert "Vous devez accepter les conditions générales" in refused.content.decode()
    assert not User.objects.filter(email=IDENTITY["email"]).exists()

    response = client.post(
        "/compte/3rdparty/signup/", {**fields, "profile_visibility": "public", "cgu": "on"}, follow=True
    )

    user = User.objects.get(email=IDENTITY["email"])
    assert response.wsgi_request.user == user
    assert user.get_full_name() == "Claude Lemoine"
    assert user.cgu_version == settings.CGU_VERSION
    assert user.is_public
    assert user.groups.filter(name=CONTRIBUTORS_GROUP).exists()
    assert Collection.objects.filter(owner=user, is_favorites=True).exists()


def test_a_known_address_signs_in_to_its_account(client, proconnect):
    existing = factories.contributor(email=IDENTITY["email"], first_name="Claude", last_name="Lemoine")

    response = sign_in_with_proconnect(client)

    assert response.wsgi_request.user == existing
    assert User.objects.filter(email=IDENTITY["email"]).count() == 1


def test_an_id_token_issued_for_another_sign_in_is_refused(client, proconnect):
    proconnect.replayed_nonce = "nonce-d-une-autre-connexion"

    response = sign_in_with_proconnect(client)

    assert response.wsgi_request.user.is_anonymous
    assert not User.objects.filter(email=IDENTITY["email"]).exists()


def test_a_staff_account_is_never_signed_in_by_its_address_alone(client, proconnect):
    admin = factories.contributor(email=IDENTITY["email"])
    admin.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    factories.authenticator(admin)

    response = sign_in_with_proconnect(client)

    assert response.wsgi_request.user.is_anonymous
    assert response.wsgi_request.path == "/connexion/"
    html = response.content.decode()
    assert "ProConnect ne peut pas s&#x27;y connecter d&#x27;après la seule adresse e-mail" in html
    assert "reliez ProConnect à votre compte depuis « Modifier mon profil »" in html
    assert not SocialAccount.objects.filter(user=admin).exists()


def test_staff_connect_proconnect_once_signed_in_then_sign_in_with_it_and_their_second_factor(proconnect):
    admin = factories.contributor(email=IDENTITY["email"])
    admin.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    signed_in = client_for(admin)
    assert "Connexion avec ProConnect" in signed_in.get("/profils/modifier/").content.decode()

    through_proconnect(signed_in, "/compte/oidc/proconnect/login/?process=connect")

    assert SocialAccount.objects.filter(user=admin, uid=IDENTITY["sub"]).exists()
    secret = factories.authenticator(admin)
    client = Client()
    response = sign_in_with_proconnect(client)
    assert response.wsgi_request.path == "/compte/2fa/authenticate/"
    assert response.wsgi_request.user.is_anonymous
    client.post("/compte/2fa/authenticate/", {"code": factories.totp_code(secret)})
    assert client.get("/admin/").status_code == 200
