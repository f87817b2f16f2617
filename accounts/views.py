"""The account itself: accepting a new version of the CGU, deleting it."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from accounts import cgu
from accounts.forms import DeleteAccountForm
from accounts.lifecycle import delete_account as delete_user_account


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        delete_user_account(request.user)
        logout(request)
        messages.success(request, "Votre compte a été supprimé. Merci d'avoir contribué aux Bases.")
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def accept_cgu(request):
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    if not cgu.must_accept(request.user):
        return redirect(next_url)
    if request.method == "POST":
        cgu.accept(request.user)
        messages.success(
            request, "Merci, vous avez accepté les nouvelles conditions générales d'utilisation."
        )
        return redirect(next_url)
    return render(request, "accounts/cgu_accept.html", {"next_url": next_url})
