"""A production database gets its site from the release phase alone (``bootstrap``), its first platform
admin from ``create_admin`` — with no password anywhere —, and never the demo's accounts."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from accounts.roles import is_platform_admin

ROOT = Path(__file__).resolve().parents[2]


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_release_phase_builds_the_site_after_migrating():
    release = next(
        line for line in (ROOT / "Procfile").read_text().splitlines() if line.startswith("release:")
    )
    commands = [command.strip() for command in release.removeprefix("release:").split("&&")]
    assert commands.index("python manage.py bootstrap") > commands.index("python manage.py migrate --noinput")


@pytest.mark.django_db
def test_create_admin_names_a_platform_admin_who_signs_in_by_code(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        output = run("create_admin", "Claire.Dupont@anct.gouv.fr")

    admin = get_user_model().objects.get(email="claire.dupont@anct.gouv.fr")
    assert is_platform_admin(admin)
    assert admin.groups.filter(name="Contributeurs").exists()  # opened like any account
    assert not admin.has_usable_password()
    assert admin.emailaddress_set.get().verified
    assert "Compte créé" in output
    [email] = mailoutbox
    assert email.to == ["claire.dupont@anct.gouv.fr"]
    assert email.body.startswith("Bonjour,")
    assert "http://localhost/connexion/" in email.body
    assert "mot de passe" not in output.lower()

    with django_capture_on_commit_callbacks(execute=True):
        assert "Compte existant" in run("create_admin", "claire.dupont@anct.gouv.fr")
    assert get_user_model().objects.filter(email__iexact="claire.dupont@anct.gouv.fr").count() == 1


@pytest.mark.django_db
def test_create_admin_refuses_a_malformed_address_in_french(mailoutbox):
    with pytest.raises(CommandError, match="Adresse e-mail invalide"):
        run("create_admin", "claire.dupont")
    assert not get_user_model().objects.exists()
    assert mailoutbox == []


@pytest.mark.django_db
def test_the_demo_refuses_to_load_where_it_is_not_allowed(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="ne se charge pas en production"):
        run("load_demo")
    assert not get_user_model().objects.exists()
