from django.apps import AppConfig


class FeedConfig(AppConfig):
    name = "feed"
    verbose_name = "Fil d'actualité"

    def ready(self):
        from feed import signals

        signals.connect()
