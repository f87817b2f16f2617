"""Metabase's REST API, through the ``metabase-api`` package, with every answer checked.

``metabase-api`` signs in (session or API key), renews an expired session and sends the requests;
its plain helpers return ``False`` or a status code on failure, so this client asks it for the raw
responses and turns any error into a ``MetabaseError`` that names the call and Metabase's answer.
"""

import requests
from metabase_api import Metabase_API

TIMEOUT = 30


class MetabaseError(Exception):
    """A call Metabase refused or could not answer, in French, for the operator."""


class MetabaseClient:
    def __init__(self, url: str, api_key: str = "", email: str = "", password: str = ""):
        if not url:
            raise MetabaseError("METABASE_URL n'est pas défini.")
        if not (api_key or (email and password)):
            raise MetabaseError(
                "Donnez une clé d'API (METABASE_API_KEY) ou le compte d'un administrateur "
                "(METABASE_ADMIN_EMAIL et METABASE_ADMIN_PASSWORD) de Metabase."
            )
        try:
            if api_key:
                self.api = Metabase_API(url, api_key=api_key)
            else:
                self.api = Metabase_API(url, email=email, password=password)
        except Exception as error:  # metabase-api raises a bare Exception when signing in fails
            raise MetabaseError(f"Connexion à Metabase ({url}) impossible : {_describe(error)}") from error

    def get(self, endpoint: str, **params):
        return self._call("get", endpoint, params=params or None)

    def post(self, endpoint: str, payload: dict):
        return self._call("post", endpoint, json=payload)

    def put(self, endpoint: str, payload: dict):
        return self._call("put", endpoint, json=payload)

    def _call(self, method: str, endpoint: str, **kwargs):
        try:
            response = getattr(self.api, method)(endpoint, "raw", timeout=TIMEOUT, **kwargs)
        except requests.RequestException as error:
            raise MetabaseError(f"{method.upper()} {endpoint} : {error}") from error
        if not response.ok:
            raise MetabaseError(f"{method.upper()} {endpoint} : {response.status_code} {response.text[:500]}")
        return response.json() if response.content else None


def _describe(error: Exception) -> str:
    # metabase-api raises Exception(response) when signing in fails.
    response = error.args[0] if error.args else None
    if isinstance(response, requests.Response):
        return f"{response.status_code} {response.text[:500]}"
    return str(error)
