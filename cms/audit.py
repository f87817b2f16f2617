"""The audit trail of what is not a page (memberships, collections and their items, ratings, reports,
profiles, follows): each creation, change and deletion is a Wagtail model log entry, with the
signed-in user who made it. Platform admins read them in the admin's reports (« Journal des
actions »), which only they reach (accounts/admin_urls.py)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.log_actions import LogContext, get_active_log_context, log
from wagtail.models import ModelLogEntry

# Saves that change nothing anyone audits: signing in records its time on the account.
UNAUDITED_FIELDS = {"last_login"}


def record_changes(*models) -> None:
    """Log every creation, change and deletion of ``models``."""
    for model in models:
        label = model._meta.label
        post_save.connect(_saved, sender=model, dispatch_uid=f"audit-saved-{label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"audit-deleted-{label}")


def _saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= UNAUDITED_FIELDS):
        return
    log(instance, "wagtail.create" if created else "wagtail.edit")


def audit_created(objects: list) -> None:
    """The entries ``record_changes`` logs for ``objects`` (of one model), created by ``bulk_create``,
    which sends no ``post_save``: one insert for all, as ``log`` writes each."""
    if not objects:
        return
    context, now = get_active_log_context(), timezone.now()
    content_type = ContentType.objects.get_for_model(objects[0], for_concrete_model=False)
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            label=str(obj) or f"{type(obj).__name__} object ({obj.pk})",
            action="wagtail.create",
            data={},
            timestamp=now,
            user=context.user,
            uuid=context.uuid,
            object_id=str(obj.pk),
        )
        for obj in objects
    )


def _deleted(sender, instance, **kwargs):
    log(instance, "wagtail.delete")


class AuditContextMiddleware:
    """Who acts on the site: the signed-in user of the request, for the entries it logs (Wagtail does
    the same for its admin views)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in: the user is not read (nor Vary: Cookie added).
        signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated
        with LogContext(user=request.user if signed_in else None):
            return self.get_response(request)
