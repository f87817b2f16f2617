from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "Communauté"

    def ready(self):
        from community import signals

        signals.connect()
