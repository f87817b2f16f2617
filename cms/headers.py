"""The Content-Security-Policy of the site, and the additions of Wagtail's admin."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, through its documented extension point (``get_policy_parts``), giving
    the pages under Wagtail's admin the additions of ``CONTENT_SECURITY_POLICY_ADMIN_UPDATE``.

    Wagtail 8.0 renders inline scripts of its own (``wagtailadmin/widgets/date_input.html``,
    ``panels/inline_panel.html``…) and style attributes, in templates we do not own: they would need
    ``'unsafe-inline'`` whatever we did, so the admin gets it, and the site does not. A view that sets
    its own additions (django-csp's ``csp_update``) keeps them."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.update is None and request.path_info.startswith(admin_prefix()):
            parts.update = settings.CONTENT_SECURITY_POLICY_ADMIN_UPDATE
        return parts


def admin_prefix() -> str:
    return reverse("wagtailadmin_home")
