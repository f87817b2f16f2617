from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from bases import membership
from bases.creation import create_base
from bases.forms import AnswerForm, BaseCreationForm, InvitationForm, RoleForm
from bases.models import BasePage
from cms.ratelimits import LimitExceeded

MEMBERS_TAB = "?onglet=membres#onglets"


@login_required
def create(request):
    form = BaseCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        base = create_base(request.user, **form.base_fields_values())
        messages.success(
            request, f"La base « {base.title} » est créée. Invitez-y vos collègues depuis l'onglet Membres."
        )
        return redirect(base.url)
    return render(request, "bases/base_create.html", {"form": form})


def _visible_base(request, slug: str) -> BasePage:
    """The live base at ``slug`` if the user may see it; a private base is a 404 to everyone else."""
    return get_object_or_404(BasePage.objects.visible_to(request.user), slug=slug)


def _members_action(operation):
    """A POST on a base's members: run the operation, then say what happened on the Membres tab."""

    @login_required
    @require_POST
    def view(request, slug, **kwargs):
        base = _visible_base(request, slug)
        try:
            success = operation(request, base, **kwargs)
        except (membership.MembershipError, LimitExceeded) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, success)
        return redirect(base.url + MEMBERS_TAB)

    return view


def _valid(form):
    if not form.is_valid():
        raise membership.MembershipError(
            " ".join(error for errors in form.errors.values() for error in errors)
        )
    return form.cleaned_data


def _member(user_id: int):
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        raise membership.MembershipError("Cette personne n'est pas membre de la base.")
    return user


@_members_action
def invite(request, base):
    data = _valid(InvitationForm(request.POST))
    membership.invite(base, data["email"], data["role"], by=request.user)
    return f"Une invitation a été envoyée à {data['email']}."


@_members_action
def change_role(request, base, user_id):
    data = _valid(RoleForm(request.POST))
    changed = membership.change_role(base, _member(user_id), data["role"], by=request.user)
    return f"{changed.user} est désormais {changed.get_role_display().lower()} de la base."


@_members_action
def remove(request, base, user_id):
    user = _member(user_id)
    membership.remove(base, user, by=request.user)
    return f"{user} ne fait plus partie de la base."


@_members_action
def leave(request, base):
    membership.leave(base, request.user)
    return "Vous avez quitté la base."


@_members_action
def request_to_join(request, base):
    membership.request_to_join(base, request.user)
    return "Votre demande a été envoyée aux administrateurs de la base."


@_members_action
def answer_request(request, base, request_id):
    join_request = base.join_requests.select_related("user").filter(pk=request_id).first()
    if join_request is None:
        raise membership.MembershipError("Cette demande n'existe pas.")
    accepted = _valid(AnswerForm(request.POST))["accept"]
    membership.answer_request(join_request, accepted, by=request.user)
    return f"La demande de {join_request.user} a été {'acceptée' if accepted else 'refusée'}."


def invitation(request, token):
    """The page an invitation email links to: sign in (or up) with the invited address, then answer."""
    invitation = membership.invitation_for(token)
    if request.method == "POST" and request.user.is_authenticated:
        form = AnswerForm(request.POST)
        try:
            answer = _valid(form)["accept"]
            if answer:
                membership.accept(token, request.user)
            else:
                membership.decline(token, request.user)
        except membership.MembershipError as error:
            messages.error(request, str(error))
        else:
            if answer:
                messages.success(request, f"Bienvenue dans la base « {invitation.base.title} » !")
                return redirect(invitation.base.url)
            messages.success(request, "Vous avez refusé l'invitation.")
            return redirect("/")
    status = 404 if invitation is None else 200 if invitation.is_open else 410
    return render(request, "bases/invitation.html", {"invitation": invitation}, status=status)


def private_base(request):
    """What a visitor who may not read a private base (or a page in it) is shown: that the page
    belongs to a private base, and how to sign in or ask to join. Nothing of the base, not even its
    name: the site shows a private base's name only to those who may read it. Served by
    ``wagtail_hooks.explain_private_bases``."""
    return render(
        request,
        "bases/private_base.html",
        {"title": "Base privée", "next": request.get_full_path()},
        status=403,
    )
