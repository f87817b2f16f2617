from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from wagtail.search import index

from cms.links import WebLinks
from cms.reference import department_choices

# Addresses under /profils/ that are not profiles.
RESERVED_SLUGS = {"modifier", "supprimer", "abonnements"}


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Une adresse e-mail est obligatoire.")
        from allauth.account.models import EmailAddress

        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        # Accounts made by a command (createsuperuser, the demo loader) have an address that whoever
        # ran it vouches for: it is verified, so that signing in asks for no confirmation code.
        # Sign-ups go through allauth, which has the address confirmed by a code instead.
        EmailAddress.objects.using(self._db).create(user=user, email=user.email, primary=True, verified=True)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra_fields)


class User(WebLinks, index.Indexed, AbstractUser):
    """A person on the platform; signs in with their email address."""

    username = None
    email = models.EmailField("adresse e-mail", unique=True)
    slug = models.SlugField("identifiant de profil", max_length=120, unique=True, blank=True)
    department = models.CharField("département", max_length=3, choices=department_choices(), blank=True)
    description = models.TextField("description", max_length=560, blank=True)
    job_title = models.CharField("fonction", max_length=100, blank=True)
    location = models.CharField("localisation", max_length=100, blank=True)
    avatar = models.ImageField("photo de profil", upload_to="avatars/", blank=True)
    email_is_public = models.BooleanField("afficher mon adresse e-mail sur mon profil", default=False)
    is_public = models.BooleanField(
        "profil public",
        default=False,
        help_text="Un profil privé ne montre que votre nom aux autres utilisateurs.",
    )
    cgu_version = models.CharField("version des CGU acceptée", max_length=32, blank=True)
    cgu_accepted_at = models.DateTimeField("CGU acceptées le", null=True, blank=True)
    # The last inactivity warning sent (its day, ``accounts.inactivity``) and when; 0 and None since
    # the last sign-in: each warning goes once, and the last one some time before the deletion.
    inactivity_warned_at_day = models.PositiveSmallIntegerField(default=0, editable=False)
    inactivity_warned_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Raised to end every session of the account (``accounts.sessions.end_all``): it enters the hash
    # that each session keeps of its account.
    session_generation = models.PositiveIntegerField(default=0, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    # Found in the search's Profils tab. The name outranks the description (boosts shared with the
    # resources, so that weights stay the same A to D). Reindexing follows profile edits, not every save
    # (signing in saves ``last_login``): see ``search.signals``.
    search_fields = [
        index.SearchField("first_name", boost=10),
        index.SearchField("last_name", boost=10),
        index.SearchField("description", boost=3),
        index.FilterField("is_public"),
        index.FilterField("is_active"),
        index.FilterField("department"),
    ]
    search_auto_update = False

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"
        constraints = [models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique")]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def public_name(self) -> str:
        """How others see this person where their profile is not the subject (lists of people, logs
        that others read): the full name of a public profile; the first name and the initial of a
        private one, enough to tell colleagues apart without telling who is behind an address.
        Never the email address."""
        if self.is_public:
            return self.get_full_name() or "Un membre des Bases"
        initial = f" {self.last_name.strip()[:1]}." if self.last_name.strip() else ""
        return f"{self.first_name.strip()}{initial}".strip() or "Un membre des Bases"

    def get_session_auth_hash(self):
        """Django's hash of the password, with the generation once raised: existing sessions stay
        valid until an admin ends them."""
        if not self.session_generation:
            return super().get_session_auth_hash()
        return self._generation_hash(settings.SECRET_KEY)

    def get_session_auth_fallback_hash(self):
        if not self.session_generation:
            yield from super().get_session_auth_fallback_hash()
            return
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._generation_hash(secret)

    def _generation_hash(self, secret: str) -> str:
        return salted_hmac(
            "accounts.User.session_generation",
            f"{self.password}:{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self) -> str:
        base = slugify(self.get_full_name()) or "profil"
        taken = RESERVED_SLUGS | set(
            User.objects.filter(slug__startswith=base).values_list("slug", flat=True)
        )
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug
