"""Django's PostgreSQL backend, pointed at the embedded server, which it starts on first connection."""

from django.db.backends.postgresql import base

from cms.embedded_db import ensure_running


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        params.update(ensure_running(self.settings_dict["NAME"] or "postgres"))
        return params
