"""Error reporting to Sentry, on only when SENTRY_DSN is set."""

from collections.abc import Mapping

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration


def init_sentry(environ: Mapping[str, str]) -> bool:
    dsn = environ.get("SENTRY_DSN")
    if not dsn:
        return False
    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environ.get("SENTRY_ENVIRONMENT", "production"),
        # Scalingo exposes the deployed commit as SOURCE_VERSION.
        release=environ.get("SENTRY_RELEASE") or environ.get("SOURCE_VERSION") or None,
        send_default_pii=False,
        sample_rate=float(environ.get("SENTRY_SAMPLE_RATE", "1.0")),
        traces_sample_rate=float(environ.get("SENTRY_TRACES_SAMPLE_RATE", "0.0")),
    )
    return True
