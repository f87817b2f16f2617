from wagtail.log_actions import log
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published

from bases.models import BasePage


def apply_visibility_on_publish(sender, instance, revision=None, **kwargs):
    was_public = not PageViewRestriction.objects.filter(page=instance).exists()
    instance.apply_visibility()
    if was_public != instance.is_public:
        user = revision.user if revision else None
        log(instance, "lesbases.visibility_changed", user=user, data={"public": instance.is_public})


def connect() -> None:
    page_published.connect(apply_visibility_on_publish, sender=BasePage)
