"""Telling users, in the site and by e-mail, of what others did that concerns them.

``notify`` is the one way in: the apps above call it from their operations with a short French text.
Nobody is told of their own action, nor of a page they may not read when it is sent (``readers``, the
rule of ``visible_to``); a list of notifications keeps that rule when it is read (``shown_to``)."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.text import Truncator

from cms import emails
from cms.visibility import readers
from notifications.models import EMAIL_BY_DEFAULT, TOPIC_OF, EmailPreference, Notification

TEXT_MAX = Notification._meta.get_field("text").max_length


def notify(
    kind,
    recipients,
    text: str,
    *,
    actor=None,
    page=None,
    url: str = "",
    subject: str = "",
    email_template: str = "notifications/email.txt",
    email_context: dict | None = None,
) -> list[Notification]:
    """Notify ``recipients`` (users, or a queryset of them) of ``text``, about ``page`` when there is one
    (its URL unless ``url`` says otherwise), done by ``actor``; and e-mail those whose preference for
    the kind's topic says so, with ``subject`` (``text`` when empty) and ``email_template`` (the text
    and link by default). Inactive accounts, the actor and those who may not read ``page`` are left
    out. A fixed number of queries, whatever the number of recipients, plus one e-mail each."""
    users = get_user_model().objects.filter(is_active=True)
    if isinstance(recipients, list | tuple | set):
        users = users.filter(pk__in=[user.pk for user in recipients])
    else:
        users = users.filter(pk__in=recipients.values("pk"))
    if actor is not None:
        users = users.exclude(pk=actor.pk)
    if page is not None:
        users = readers(users, page)
        url = url or page.url
    users = list(users.only("pk", "email", "first_name"))
    if not users:
        return []
    text = Truncator(text).chars(TEXT_MAX)
    notifications = Notification.objects.bulk_create(
        Notification(recipient=user, kind=kind, actor=actor, page=page, text=text, url=url) for user in users
    )
    _email(kind, users, subject or text, email_template, {"text": text, "url": url, **(email_context or {})})
    return notifications


def wants_email(users, topic) -> set[int]:
    """The ids of ``users`` who want ``topic`` by e-mail, in one query."""
    chosen = dict(
        EmailPreference.objects.filter(user__in=users, topic=topic).values_list("user_id", "by_email")
    )
    return {user.pk for user in users if chosen.get(user.pk, EMAIL_BY_DEFAULT[topic])}


def _email(kind, users, subject: str, template: str, context: dict) -> None:
    addressed = wants_email(users, TOPIC_OF[kind])
    context = {
        **context,
        "url": emails.absolute(context["url"]) if context["url"] else "",
        "preferences_url": emails.absolute(reverse("notifications:preferences")),
    }
    for user in users:
        if user.pk in addressed:
            emails.send([user.email], subject, template, {**context, "recipient": user})
