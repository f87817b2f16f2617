"""The signed address of the embedded Metabase dashboard."""

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from stats.embed import dashboard_embed_url

SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"


@pytest.fixture
def metabase(settings):
    settings.METABASE_URL = "https://metabase.example.org/"
    settings.METABASE_SECRET_KEY = SECRET
    settings.METABASE_DASHBOARD_ID = "7"
    return settings


def token_of(url: str) -> str:
    prefix = "https://metabase.example.org/embed/dashboard/"
    assert url.startswith(prefix)
    return url.removeprefix(prefix).split("#")[0]


@pytest.mark.parametrize("missing", ["METABASE_URL", "METABASE_SECRET_KEY", "METABASE_DASHBOARD_ID"])
def test_no_address_while_metabase_is_not_set_up(metabase, missing):
    setattr(metabase, missing, "")
    assert dashboard_embed_url() is None


def test_no_address_for_a_dashboard_id_that_is_not_a_number(metabase):
    metabase.METABASE_DASHBOARD_ID = "7; DROP"
    assert dashboard_embed_url() is None


def test_the_token_names_the_dashboard_locks_its_parameters_and_verifies_with_the_secret(metabase):
    token = token_of(dashboard_embed_url(params={"departement": "69"}))
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    payload = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert payload["resource"] == {"dashboard": 7}
    assert payload["params"] == {"departement": "69"}
    assert payload["exp"] - payload["iat"] == 10 * 60


def test_without_parameters_the_token_locks_none(metabase):
    assert jwt.decode(token_of(dashboard_embed_url()), SECRET, algorithms=["HS256"])["params"] == {}


def test_the_token_fails_with_another_secret(metabase):
    token = token_of(dashboard_embed_url())
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, "another-secret-of-sufficient-length-for-hs256-keys", algorithms=["HS256"])


def test_the_token_expires_after_ten_minutes(metabase):
    eleven_minutes_ago = datetime.now(UTC) - timedelta(minutes=11)
    token = token_of(dashboard_embed_url(now=eleven_minutes_ago))
    with pytest.raises(jwt.ExpiredSignatureError):
        jwt.decode(token, SECRET, algorithms=["HS256"])
    nine_minutes_ago = datetime.now(UTC) - timedelta(minutes=9)
    assert jwt.decode(token_of(dashboard_embed_url(now=nine_minutes_ago)), SECRET, algorithms=["HS256"])
