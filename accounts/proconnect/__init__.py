"""ProConnect, allauth's OpenID Connect provider with what ProConnect does differently.

ProConnect requires a ``nonce`` in the authorization request, to be found again in the ID token,
and answers the userinfo request with a signed JWT (``application/jwt``) rather than JSON. The
class replaces allauth's ``openid_connect`` provider through SOCIALACCOUNT_PROVIDERS'
``provider_class``; settings, URL names and addresses stay those of that provider, served by the
views of ``urls.py`` here, which use this adapter.
"""

import jwt
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.utils.crypto import get_random_string

NONCE_SESSION_KEY = "proconnect_nonce"


class ProConnectOAuth2Adapter(OpenIDConnectOAuth2Adapter):
    def complete_login(self, request, app, token, **kwargs):
        login = super().complete_login(request, app, token, **kwargs)
        expected = request.session.pop(NONCE_SESSION_KEY, None)
        if not expected or login.account.extra_data.get("id_token", {}).get("nonce") != expected:
            raise OAuth2Error("The ID token does not carry the nonce of this sign-in.")
        return login

    def _fetch_user_info(self, access_token: str) -> dict:
        with get_adapter().get_requests_session() as session:
            response = session.get(self.profile_url, headers={"Authorization": f"Bearer {access_token}"})
            response.raise_for_status()
        if not response.headers.get("Content-Type", "").startswith("application/jwt"):
            return response.json()
        signing_key = jwt.PyJWKClient(self.openid_config["jwks_uri"]).get_signing_key_from_jwt(response.text)
        return jwt.decode(
            response.text,
            signing_key,
            algorithms=[signing_key.algorithm_name],
            issuer=self.openid_config["issuer"],
            audience=self.get_provider().app.client_id,
        )


class ProConnectProvider(OpenIDConnectProvider):
    oauth2_adapter_class = ProConnectOAuth2Adapter
    # allauth takes a provider's URLs from ``<package>.urls``.
    package = "accounts.proconnect"

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        auth_params = kwargs.pop("auth_params", None) or self.get_auth_params()
        auth_params["nonce"] = request.session[NONCE_SESSION_KEY] = get_random_string(32)
        return super().redirect(request, process, next_url, data, auth_params=auth_params, **kwargs)
