from django.apps import AppConfig


class BasesConfig(AppConfig):
    name = "bases"
    verbose_name = "Bases"

    def ready(self):
        from bases import signals

        signals.connect()
