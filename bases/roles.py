from django.db import models


class Role(models.TextChoices):
    MEMBER = "member", "Membre"
    ADMIN = "admin", "Administrateur"
