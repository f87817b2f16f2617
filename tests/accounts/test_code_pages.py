"""The pages where a code sent by e-mail is entered have a title, and nothing stray before their content."""

import re

import pytest

pytestmark = pytest.mark.django_db

SIGNUP = {
    "first_name": "Inès",
    "last_name": "Garnier",
    "email": "ines.garnier@example.org",
    "profile_visibility": "public",
    "cgu": "on",
}


def _head_and_body_start(html: str) -> tuple[str, str]:
    head = html[html.index("<head>") : html.index("</head>")]
    body = html[html.index("<body") :]
    return head, body[body.index(">") + 1 :].lstrip()


@pytest.mark.parametrize(
    ("start", "data", "title"),
    [
        ("/compte/login/code/", {"email": "camille.durand@example.org"}, "Saisir le code de connexion"),
        ("/inscription/", SIGNUP, "Confirmer votre adresse e-mail"),
    ],
)
def test_a_code_page_has_a_title_and_no_stray_text(client, contributor, mailoutbox, start, data, title):
    response = client.post(start, data)
    html = client.get(response.url).content.decode()
    head, body = _head_and_body_start(html)
    assert re.search(rf"<title>\s*{title} — ", head)
    assert body.startswith("<"), body[:80]
    assert "Saisir le code reçu par e-mail" in html
    assert re.search(r"Nous avons envoyé un code à <a href=\"mailto:[^\"]+\">[^<]+</a>\. Il expire", html)
