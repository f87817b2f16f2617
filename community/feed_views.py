"""The news feed, its onboarding and preferences, and the digest's unsubscribe link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from cms.pagination import paginate
from community import digest, follows
from community.feed import Source, cards_of, explain, followed_resources
from community.feed_forms import BasesForm, DigestForm, PreferencesForm, SectorsForm, ThemesForm
from community.models import FeedPreferences

PER_PAGE = 20

# The onboarding's steps, in order: address, title, form.
STEPS = {
    "thematiques": ("Les thématiques qui vous intéressent", ThemesForm),
    "secteurs-professionnels": ("Vos secteurs professionnels", SectorsForm),
    "bases": ("Des bases à suivre", BasesForm),
    "resume-mensuel": ("Le résumé mensuel par e-mail", DigestForm),
}
FIRST_STEP = next(iter(STEPS))


def _preferences(user) -> FeedPreferences:
    preferences, _ = FeedPreferences.objects.get_or_create(user=user)
    preferences.user = user
    return preferences


@login_required
def index(request):
    preferences = _preferences(request.user)
    if preferences.onboarded_at is None:
        return redirect("feed:onboarding", step=FIRST_STEP)
    source = request.GET.get("source")
    source = Source(source) if source in Source.values else Source.ALL
    preferences.record_visit(timezone.now())
    resources = followed_resources(preferences, source).values_list("pk", flat=True)
    page = paginate(request, resources, per_page=PER_PAGE)
    items = explain(cards_of(list(page), preferences), preferences)
    # Asked only of an empty feed, to tell a reader who follows nothing yet where to start.
    follows_anything = bool(items) or bool(
        preferences.themes
        or preferences.professional_sectors
        or request.user.followed_bases.exists()
        or request.user.followed_profiles.exists()
    )
    return render(
        request,
        "community/feed/index.html",
        {
            "page_obj": page,
            "items": items,
            "sources": Source.choices,
            "source": source,
            "follows_anything": follows_anything,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def onboarding(request, step):
    if step not in STEPS:
        raise Http404
    title, form_class = STEPS[step]
    steps = list(STEPS)
    number = steps.index(step) + 1
    next_step = steps[number] if number < len(steps) else None
    preferences = _preferences(request.user)
    form = form_class(request.POST or None, instance=preferences)
    if request.method == "POST" and form.is_valid():
        if isinstance(form, BasesForm):
            chosen, left = form.chosen_and_left()
            for base in chosen:
                follows.follow_base(base, request.user)
            for base in left:
                follows.unfollow_base(base, request.user)
        else:
            form.save()
        if next_step:
            return redirect("feed:onboarding", step=next_step)
        return _finish_onboarding(request, preferences)
    return render(
        request,
        "community/feed/onboarding.html",
        {
            "form": form,
            "title": title,
            "step": step,
            "number": number,
            "steps_count": len(steps),
            "next_title": STEPS[next_step][0] if next_step else None,
            "next_step": next_step,
            "previous_step": steps[number - 2] if number > 1 else None,
        },
    )


@login_required
@require_POST
def skip_onboarding(request):
    return _finish_onboarding(request, _preferences(request.user))


def _finish_onboarding(request, preferences: FeedPreferences):
    if preferences.onboarded_at is None:
        preferences.onboarded_at = timezone.now()
        preferences.save(update_fields=["onboarded_at"])
    messages.success(request, "Votre fil est prêt. Vous pourrez changer vos choix dans « Préférences ».")
    return redirect("feed:index")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    preferences = _preferences(request.user)
    form = PreferencesForm(request.POST or None, instance=preferences)
    if request.method == "POST" and form.is_valid():
        preferences = form.save(commit=False)
        preferences.onboarded_at = preferences.onboarded_at or timezone.now()
        preferences.save()
        messages.success(request, "Vos préférences sont enregistrées.")
        return redirect("feed:index")
    return render(request, "community/feed/preferences.html", {"form": form})


@never_cache
@csrf_exempt  # RFC 8058: mail clients POST the one-click unsubscribe without any token of ours
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The digest's unsubscribe link: GET asks to confirm, POST (the button, or a mail client's
    one-click) turns the digest off, without signing in: the signed token names the account."""
    user_pk = digest.user_of_unsubscribe_token(token)
    if user_pk is None:
        return render(request, "community/feed/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        FeedPreferences.objects.filter(user_id=user_pk).update(monthly_digest=False)
        return render(request, "community/feed/unsubscribe.html", {"done": True})
    return render(request, "community/feed/unsubscribe.html", {})
