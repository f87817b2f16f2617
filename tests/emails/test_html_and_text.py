"""Every e-mail of the site goes out as plain text with an HTML alternative in the DSFR's look, starts
« Bonjour » and links only to the site's configured address."""

import re
import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from accounts import emails as account_emails
from accounts.platform_admins import appoint_platform_admin
from accounts.roles import MODERATORS_GROUP
from bases import membership
from cms import emails
from resources import contributors, feedback
from tests import factories

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s<>\"')]+")


def test_every_kind_of_email_has_both_forms_says_bonjour_and_links_to_the_site(
    team, settings, django_capture_on_commit_callbacks
):
    settings.SITE_FEEDBACK_EMAIL = "equipe@exemple.fr"
    admin, member = team["admin"], team["member"]
    resource = team["resources"]["public"]
    base = team["bases"]["public"]
    outsider = factories.contributor(first_name="Olga")
    factories.contributor().groups.add(Group.objects.get(name=MODERATORS_GROUP))
    membership.invite(base, "nouvelle@exemple.fr", "member", by=admin)  # bases
    membership.request_to_join(base, outsider)  # a notification by e-mail
    contributors.add_contributor(resource, "inconnue@exemple.fr", by=admin)  # resources
    feedback.report(resource, by=outsider, reason="inapproprie", description="Texte")
    account_emails.inactivity_warning(member, 30)  # accounts
    account_emails.account_deleted("ancien@exemple.fr", "Ange", "self")
    with django_capture_on_commit_callbacks(execute=True):
        appoint_platform_admin("chef@exemple.fr")
    Client().post("/compte/login/code/", {"email": member.email})  # allauth
    Client().post(  # home: the questionnaire, sent after half a minute on the page
        "/je-donne-mon-avis/",
        {"rating": "8", "difficulty": "autre", "whf_name": "", "whf_time": str(int(time.time()) - 30)},
    )

    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 9, subjects
    for message in mail.outbox:
        html = {kind: body for body, kind in message.alternatives}["text/html"]
        assert message.body.startswith("Bonjour"), message.subject
        assert "Salut" not in message.body
        assert 'lang="fr"' in html and "#000091" in html and "Les Bases du numérique" in html
        for link in (found.rstrip(".,;:") for found in LINK.findall(message.body)):
            assert link.startswith(settings.WAGTAILADMIN_BASE_URL), (message.subject, link)
            assert f'href="{link}"' in html.replace("&amp;", "&"), (message.subject, link)


def test_the_html_alternative_escapes_the_text_and_keeps_its_paragraphs():
    html = emails.html_of("Sujet", "Bonjour,\n\n<script>x</script> et https://exemple.fr/a?b=1&c=2\nligne")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a style="color:#000091;' in html and "<br>ligne" in html


def test_links_are_absolute_to_the_configured_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://lesbases.anct.gouv.fr"
    assert emails.absolute("/bases/x/") == "https://lesbases.anct.gouv.fr/bases/x/"
    assert emails.absolute("https://ailleurs.fr/") == "https://ailleurs.fr/"
