"""Public collections in the admin's moderation (``cms.hiding_admin``): a moderator hides one that
breaks the rules; it then shows only to those who manage it."""

from django.db.models import Q
from wagtail.admin.viewsets.base import ViewSetGroup

from bases.models import BasePage
from cms.hiding_admin import HidingViewSet
from community.models import Collection
from resources.moderation import RatingReplyViewSet, RatingViewSet


class PublicCollectionViewSet(HidingViewSet):
    """The public collections the moderator may read, hidden ones included (to show them again)."""

    model = Collection
    icon = "folder-open-inverse"
    menu_label = "Collections publiques"
    list_display = ["title", "owner", "base", "updated_at", "hidden_at"]
    details_template = "community/admin/collection_details.html"

    def moderated(self, user):
        readable_bases = BasePage.objects.visible_to(user).values("pk")
        return Collection.objects.filter(
            Q(owner__is_active=True) | Q(base__in=readable_bases), is_public=True
        ).select_related("owner", "base")


class ContentModerationGroup(ViewSetGroup):
    menu_label = "Modération"
    menu_icon = "view"
    menu_order = 251
    items = (
        RatingViewSet("moderation_recommandations", url_prefix="moderation/recommandations"),
        RatingReplyViewSet("moderation_reponses", url_prefix="moderation/reponses"),
        PublicCollectionViewSet("moderation_collections", url_prefix="moderation/collections"),
    )
