PRODUCTION_ENV = {
    "SECRET_KEY": "k7$Lq2!vR9#xW4@mN8^pZ3&bT6*hJ1%cF5(gY0)dS-eU+aQ=iO_lP~oK",
    "DATABASE_URL": "postgres://lesbases:secret@db.internal:5432/lesbases",
    "ALLOWED_HOSTS": "lesbases.anct.gouv.fr",
    "CSRF_TRUSTED_ORIGINS": "https://lesbases.anct.gouv.fr",
}


def test_deploy_check_reports_nothing_with_a_realistic_environment(manage):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", settings="cms.settings.production", env=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_its_secrets_and_names_them(manage):
    result = manage(
        "check", settings="cms.settings.production", env={"ALLOWED_HOSTS": "lesbases.anct.gouv.fr"}
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "DATABASE_URL" in result.stderr
    assert "ALLOWED_HOSTS" not in result.stderr.split("missing:")[-1]


def test_the_site_address_defaults_to_the_first_allowed_host_over_https(manage):
    show = "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
    result = manage(
        "shell", "--no-imports", "-c", show, settings="cms.settings.production", env=PRODUCTION_ENV
    )
    assert result.stdout.strip() == "https://lesbases.anct.gouv.fr", result.stderr
    env = {**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": "https://bases.example.org"}
    result = manage("shell", "--no-imports", "-c", show, settings="cms.settings.production", env=env)
    assert result.stdout.strip() == "https://bases.example.org", result.stderr


def test_the_demo_refuses_to_load_with_the_production_settings(manage):
    result = manage("load_demo", settings="cms.settings.production", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "ne se charge pas en production" in result.stderr
