from django.apps import AppConfig


class LaBaseConfig(AppConfig):
    name = "labase"
    verbose_name = "Reprise de La Base"
    default_auto_field = "django.db.models.BigAutoField"
