"""« Je donne mon avis »: answers are stored and emailed to the team; bad input is refused in French,
spam and forged requests store nothing; platform admins read the answers in the admin, read-only."""

import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from accounts.roles import ADMINISTRATORS_GROUP
from home.models import SiteFeedback
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

URL = "/je-donne-mon-avis/"
TEAM = "equipe@exemple.fr"


@pytest.fixture(autouse=True)
def team_address(settings):
    settings.SITE_FEEDBACK_EMAIL = TEAM


@pytest.fixture(autouse=True)
def no_answer_yet(db):
    """Without the demo's answer, so that each test sees only what it sent."""
    SiteFeedback.objects.all().delete()


def answer(**overrides) -> dict:
    """What a person sends after a few seconds on the page (wagtail-honeypot's fields included)."""
    data = {
        "rating": "8",
        "difficulty": "recherche",
        "comment": "Les fiches sont claires, la recherche par département me manque.",
        "contact_email": "mediatrice@exemple.fr",
        "whf_name": "",
        "whf_time": str(int(time.time()) - 30),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_page_asks_a_labelled_question_for_each_field_and_is_linked_from_the_footer(client):
    html = client.get(URL).content.decode()
    assert "Quelle note donneriez-vous aux Bases" in html
    assert html.count('type="radio" name="rating"') == 11
    assert 'for="id_comment"' in html and 'for="id_contact_email"' in html
    assert "Où avez-vous rencontré le plus de difficulté ?" in html
    footer = client.get("/").content.decode().split('class="fr-footer"')[1]
    assert f'href="{URL}"' in footer


def test_an_answer_is_stored_and_emailed_to_the_team(client):
    response = client.post(URL, answer(), follow=True)
    assert "Votre avis a bien été envoyé" in response.content.decode()
    feedback = SiteFeedback.objects.get()
    assert (feedback.rating, feedback.difficulty, feedback.contact_email) == (
        8,
        "recherche",
        "mediatrice@exemple.fr",
    )
    [message] = mail.outbox
    assert message.to == [TEAM]
    assert "8/10" in message.subject
    assert "Trouver une ressource" in message.body and "la recherche par département" in message.body


def test_only_the_rating_and_the_difficulty_are_required(client):
    client.post(URL, answer(rating="0", difficulty="aucune", comment="", contact_email=""))
    assert SiteFeedback.objects.get().rating == 0


@pytest.mark.parametrize(
    "fields, error",
    [
        ({"rating": None}, "Choisissez une note de 0 à 10."),
        ({"rating": "11"}, "Sélectionnez un choix valide"),
        ({"rating": "dix"}, "Sélectionnez un choix valide"),
        ({"difficulty": None}, "Choisissez où vous avez rencontré le plus de difficulté."),
        ({"difficulty": "<script>"}, "Sélectionnez un choix valide"),
        ({"contact_email": "pas-une-adresse"}, "Saisissez une adresse e-mail valide"),
        ({"comment": "x" * 2001}, "2000 caractères"),
    ],
)
def test_bad_input_shows_a_french_error_and_stores_nothing(client, fields, error):
    response = client.post(URL, answer(**fields))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Le formulaire contient des erreurs" in html
    assert error in html
    assert not SiteFeedback.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    "trap",
    [{"whf_name": "https://spam.example/"}, {"whf_time": None}, {"whf_time": "now"}],
    ids=["honeypot-filled", "no-time", "sent-at-once"],
)
def test_robots_are_thanked_but_nothing_is_stored_or_sent(client, trap):
    if trap.get("whf_time") == "now":
        trap = {"whf_time": str(int(time.time()))}
    response = client.post(URL, answer(**trap), follow=True)
    assert "Votre avis a bien été envoyé" in response.content.decode()
    assert not SiteFeedback.objects.exists() and mail.outbox == []


def test_a_post_without_the_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, answer()).status_code == 403
    assert not SiteFeedback.objects.exists()


def test_without_a_team_address_answers_are_stored_and_no_email_is_sent(client, settings):
    settings.SITE_FEEDBACK_EMAIL = ""
    client.post(URL, answer())
    assert SiteFeedback.objects.count() == 1 and mail.outbox == []


def test_platform_admins_read_the_answers_in_the_admin_and_cannot_change_them(client):
    client.post(URL, answer())
    feedback = SiteFeedback.objects.get()
    administrator = factories.contributor()
    administrator.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    admin = client_for(administrator)
    listing = admin.get("/admin/avis_sur_le_site/")
    assert listing.status_code == 200
    assert "mediatrice@exemple.fr" in listing.content.decode()
    assert "/admin/avis_sur_le_site/new/" not in listing.content.decode()
    inspect = admin.get(f"/admin/avis_sur_le_site/inspect/{feedback.pk}/").content.decode()
    assert "la recherche par département" in inspect
    assert admin.get(f"/admin/avis_sur_le_site/edit/{feedback.pk}/").status_code in (302, 403)
    assert admin.get("/admin/avis_sur_le_site/new/").status_code in (302, 403)
    assert admin.post(f"/admin/avis_sur_le_site/delete/{feedback.pk}/").status_code in (302, 403)
    assert SiteFeedback.objects.filter(pk=feedback.pk, rating=8).exists()


def test_contributors_do_not_see_the_answers(client):
    client.post(URL, answer())
    response = client_for(factories.contributor()).get("/admin/avis_sur_le_site/")
    assert response.status_code in (302, 403)


def test_answers_from_one_address_are_limited_and_the_limit_says_so_in_french(settings):
    settings.RATE_LIMITS_PER_HOUR = {**settings.RATE_LIMITS_PER_HOUR, "site_feedback": 2}
    visitor = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(2):
        visitor.post(URL, answer())
    mail.outbox.clear()

    response = visitor.post(URL, answer(comment="Une troisième fois."))

    html = response.content.decode()
    assert response.status_code == 200 and "limitée à 2 par heure : rien n&#x27;a été envoyé" in html
    assert "Une troisième fois." in html, "what they wrote is kept in the form"
    assert SiteFeedback.objects.count() == 2 and mail.outbox == []
    assert Client(REMOTE_ADDR="203.0.113.6").post(URL, answer()).status_code == 302


def test_behind_the_router_each_visitor_has_their_own_allowance(settings):
    settings.RATE_LIMITS_PER_HOUR = {**settings.RATE_LIMITS_PER_HOUR, "site_feedback": 1}
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    def through_router(visitor_address):
        return Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=visitor_address).post(URL, answer())

    assert through_router("203.0.113.5").status_code == 302
    assert through_router("203.0.113.5").status_code == 200
    assert through_router("203.0.113.6").status_code == 302


def test_without_a_trusted_proxy_a_forged_header_changes_nothing(settings):
    settings.RATE_LIMITS_PER_HOUR = {**settings.RATE_LIMITS_PER_HOUR, "site_feedback": 1}
    visitor = Client(REMOTE_ADDR="203.0.113.5")
    assert visitor.post(URL, answer()).status_code == 302
    assert visitor.post(URL, answer(), HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 200
