"""The signed address of the Metabase dashboard shown on /statistiques/ (Metabase's static embedding).

Metabase serves an embedded dashboard to whoever holds a token signed with its embedding secret key
(HS256): the token names the dashboard, fixes the value of each locked parameter and expires soon.
"""

from datetime import UTC, datetime, timedelta

import jwt
from django.conf import settings


def is_configured() -> bool:
    return bool(
        settings.METABASE_URL and settings.METABASE_SECRET_KEY and settings.METABASE_DASHBOARD_ID.isdigit()
    )


def dashboard_embed_url(params: dict | None = None, now: datetime | None = None) -> str | None:
    """The address to frame, valid for METABASE_EMBED_MINUTES, or None while Metabase is not set up.
    ``params`` gives the locked parameters their values; the visitor cannot change them."""
    if not is_configured():
        return None
    issued_at = now or datetime.now(UTC)
    token = jwt.encode(
        {
            "resource": {"dashboard": int(settings.METABASE_DASHBOARD_ID)},
            "params": params or {},
            "iat": issued_at,
            "exp": issued_at + timedelta(minutes=settings.METABASE_EMBED_MINUTES),
        },
        settings.METABASE_SECRET_KEY,
        algorithm="HS256",
    )
    return f"{settings.METABASE_URL.rstrip('/')}/embed/dashboard/{token}#bordered=false&titled=false"
