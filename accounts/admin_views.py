"""Platform admins' actions on an account in Wagtail's user management: end all its sessions."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from wagtail.admin.auth import user_passes_test

from accounts import sessions
from accounts.roles import is_platform_admin


@user_passes_test(is_platform_admin)
@require_http_methods(["GET", "POST"])
def sign_out_everywhere(request, user_id):
    account = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    if request.method == "POST":
        sessions.end_all(account, by=request.user)
        messages.success(request, f"{account} est déconnecté(e) de tous ses appareils.")
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "accounts/admin/sign_out_everywhere.html",
        {
            "account": account,
            "header_title": "Déconnecter partout",
            "page_title": "Déconnecter partout",
            "page_subtitle": str(account),
            "header_icon": "logout",
            "index_url": reverse("wagtailusers_users:index"),
        },
    )
