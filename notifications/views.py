from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from cms.pagination import paginate
from notifications.forms import EmailPreferencesForm
from notifications.models import Notification

PER_PAGE = 20


@login_required
def notification_list(request):
    """The signed-in user's notifications, newest first, those about a page they may no longer read left out."""
    notifications = Notification.objects.shown_to(request.user)
    return render(
        request,
        "notifications/notification_list.html",
        {
            "page_obj": paginate(request, notifications, PER_PAGE),
            "has_unread": notifications.unread().exists(),
        },
    )


@login_required
@require_POST
def open_notification(request, pk):
    """Mark the notification read and go where it leads (the list when nowhere)."""
    notification = get_object_or_404(Notification.objects.shown_to(request.user), pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    if notification.url and url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}
    ):
        return redirect(notification.url)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    count = Notification.objects.filter(recipient=request.user).unread().update(read_at=timezone.now())
    if count:
        messages.success(request, "Toutes vos notifications sont marquées comme lues.")
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    form = EmailPreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Vos préférences de notification ont été enregistrées.")
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
