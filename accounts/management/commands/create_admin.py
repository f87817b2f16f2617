from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.platform_admins import appoint_platform_admin


class Command(BaseCommand):
    help = (
        "Make EMAIL a platform admin (creating the account, without a password, when missing) and e-mail "
        "them how to sign in with a code. No password is written anywhere."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        try:
            user, created = appoint_platform_admin(email)
        except ValidationError as error:
            raise CommandError(f"Adresse e-mail invalide : {email}") from error
        state = "Compte créé" if created else "Compte existant"
        self.stdout.write(
            f"{state} : {user.email} fait partie des administrateurs ; un e-mail lui dit comment se connecter."
        )
