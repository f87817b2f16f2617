"""The account itself: deleting it."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

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
