"""Running a base from its page: its information and its visibility. Each change is published as a
new revision of the base, as the admin's « Publier » would, so that its history and Wagtail's audit
log keep it, and the publication re-applies the base's view restriction (``bases.signals``)."""

from django.db import transaction
from wagtail.images import get_image_model

from bases.models import BasePage
from cms.private_api import set_file_metadata


class NotBaseAdmin(Exception):
    """The user is not an admin of the base; its message is shown as is."""

    def __init__(self):
        super().__init__("Seuls les administrateurs de la base peuvent la gérer.")


def require_admin(base: BasePage, user) -> None:
    if not base.viewer_role(user)["is_admin"]:
        raise NotBaseAdmin


# The images a base shows, uploaded from its management page; ``None`` removes one.
IMAGE_FIELDS = {"logo": "Logo", "cover_image": "Image de couverture"}


@transaction.atomic
def update_information(base: BasePage, values: dict, by) -> BasePage:
    """Set the base's information (fields of ``BasePage``; uploaded files for its images) and publish it."""
    require_admin(base, by)
    for name, value in values.items():
        if name in IMAGE_FIELDS and value:
            value = _store_image(base, value, f"{IMAGE_FIELDS[name]} — {values.get('title', base.title)}", by)
        setattr(base, name, value)
    _publish(base, by)
    return base


@transaction.atomic
def set_visibility(base: BasePage, public: bool, by) -> BasePage:
    """Make the base public or private: its view restriction, which hides its resources with it, is
    re-applied as the base is published."""
    require_admin(base, by)
    base.is_public = public
    _publish(base, by)
    return base


def _publish(base: BasePage, by) -> None:
    base.save_revision(user=by, log_action=True).publish(user=by)


def _store_image(base: BasePage, upload, title: str, by):
    """An uploaded picture as an image of the base's media collection, where its admins keep it."""
    image = get_image_model()(
        title=title[:255], file=upload, collection=base.media_collection, uploaded_by_user=by
    )
    set_file_metadata(image)
    image.save()
    return image
