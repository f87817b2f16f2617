from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et cadre du site"

    def ready(self):
        from home.frame import connect_invalidation

        connect_invalidation()
