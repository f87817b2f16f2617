from wagtail.signals import page_published

from resources.models import ResourcePage


def apply_visibility_on_publish(sender, instance, **kwargs):
    instance.apply_visibility()


def connect() -> None:
    page_published.connect(apply_visibility_on_publish, sender=ResourcePage)
