"""The site questionnaire « Je donne mon avis »: answers are stored, then sent to the team."""

import logging

from django.conf import settings
from django.urls import reverse
from wagtail_honeypot.models import HoneypotFormSubmissionMixin

from cms import emails, ratelimits
from home.models import SiteFeedback

logger = logging.getLogger(__name__)


def is_spam(data) -> bool:
    """wagtail-honeypot's test: its hidden field filled in, or the form sent too soon after display."""
    name_field = getattr(settings, "HONEYPOT_NAME_FIELD", "whf_name")
    time_field = getattr(settings, "HONEYPOT_TIME_FIELD", "whf_time")
    interval = getattr(settings, "HONEYPOT_TIME_INTERVAL", 3)
    return data.get(name_field, "") != "" or not HoneypotFormSubmissionMixin.time_diff(
        data.get(time_field), interval
    )


def submit(form, request) -> SiteFeedback:
    """Store the answer and email it to the team; a mail server failure loses no answer. Raises
    ``LimitExceeded``, storing nothing, when the visitor's address has answered too often this hour."""
    ratelimits.consume("site_feedback", request=request)
    feedback = form.save()
    if settings.SITE_FEEDBACK_EMAIL:
        try:
            emails.send(
                [settings.SITE_FEEDBACK_EMAIL],
                f"Nouvel avis sur le site : {feedback.rating}/10",
                "home/emails/site_feedback.txt",
                {"feedback": feedback, "admin_url": emails.absolute(reverse("wagtailadmin_home"))},
            )
        except OSError:
            logger.exception("The site feedback %s could not be emailed", feedback.pk)
    return feedback
