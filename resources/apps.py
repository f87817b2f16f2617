from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Ressources"

    def ready(self):
        from cms.media import register_media_policies
        from resources import signals

        register_media_policies()
        signals.connect()
