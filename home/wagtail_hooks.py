from wagtail import hooks
from wagtail.permissions import register_permission_policy

from home.models import SiteFeedback
from home.viewsets import ReadOnlyPolicy, SiteFeedbackViewSet, profile_chooser_viewset

register_permission_policy(SiteFeedback, ReadOnlyPolicy(SiteFeedback))


@hooks.register("register_admin_viewset")
def register_profile_chooser():
    return profile_chooser_viewset


@hooks.register("register_admin_viewset")
def register_site_feedback():
    return SiteFeedbackViewSet("avis_sur_le_site", model=SiteFeedback)
