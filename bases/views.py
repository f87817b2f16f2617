from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from bases import management, membership, sharing
from bases.creation import create_base
from bases.forms import (
    AnswerForm,
    BaseCreationForm,
    BaseInformationForm,
    InvitationForm,
    RoleForm,
    VisibilityForm,
)
from bases.models import BasePage, ShareLink
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


def _open_invitation(base: BasePage, invitation_id: int):
    """An unanswered invitation of this base: an id of another base's is refused like an unknown one."""
    invitation = base.invitations.filter(pk=invitation_id, answered_at__isnull=True).first()
    if invitation is None:
        raise Http404("Cette invitation n'existe pas ou a déjà reçu une réponse.")
    return invitation


def _admin_action(view):
    """A page or form of a base's management: the base as its admins see it, anyone else refused with
    a French explanation (a private base stays a 404 to non-members, as everywhere)."""

    @login_required
    def wrapped(request, slug, **kwargs):
        base = _visible_base(request, slug)
        try:
            management.require_admin(base, request.user)
            return view(request, base, **kwargs)
        except management.NotBaseAdmin as error:
            return _refused(request, base, str(error), status=403)
        except Http404 as error:
            return _refused(request, base, str(error), status=404)

    return wrapped


def _refused(request, base, message: str, status: int):
    return render(request, "bases/refused.html", {"base": base, "message": message}, status=status)


@_admin_action
def manage(request, base):
    """« Gérer la base »: its information, its visibility, and where to find the rest."""
    form = BaseInformationForm(request.POST or None, request.FILES or None, base=base)
    if request.method == "POST" and form.is_valid():
        management.update_information(base, form.values(), by=request.user)
        messages.success(request, "Les informations de la base sont enregistrées et publiées.")
        return redirect(base.url)
    return render(request, "bases/base_manage.html", {"base": base, "form": form})


@_admin_action
def visibility(request, base):
    """Switching public/private, confirmed on a page that says what changes."""
    if request.method == "POST":
        form = VisibilityForm(request.POST)
        if form.is_valid():
            public = form.cleaned_data["is_public"]
            if public != base.is_public:
                management.set_visibility(base, public, by=request.user)
            messages.success(
                request, "La base est désormais publique." if public else "La base est désormais privée."
            )
            return redirect(base.url)
        messages.error(request, "Choisissez si la base doit être publique ou privée.")
    return render(request, "bases/base_visibility.html", {"base": base, "make_public": not base.is_public})


@_admin_action
@require_POST
def cancel_invitation(request, base, invitation_id):
    invitation = _open_invitation(base, invitation_id)
    try:
        membership.cancel_invitation(invitation, by=request.user)
    except membership.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"L'invitation de {invitation.email} est annulée : son lien ne fonctionne plus."
        )
    return redirect(base.url + MEMBERS_TAB)


@_admin_action
@require_POST
def resend_invitation(request, base, invitation_id):
    invitation = _open_invitation(base, invitation_id)
    try:
        membership.resend_invitation(invitation, by=request.user)
    except (membership.MembershipError, LimitExceeded) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"L'invitation a été renvoyée à {invitation.email}, avec un nouveau lien.")
    return redirect(base.url + MEMBERS_TAB)


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


def shared(request, page_id, token):
    """The address of a share link: remember it in the session, then show the page at its own address."""
    page = sharing.open_link(request, page_id, token)
    if page is None:
        raise Http404
    response = redirect(page.url)
    sharing.keep_private(response)
    response["Referrer-Policy"] = "no-referrer"
    return response


SHARE_ACTIONS = {
    "activer": (sharing.enable, "Le lien de partage est activé : toute personne qui l'a peut lire la page."),
    "desactiver": (sharing.disable, "Le lien de partage est désactivé : il n'ouvre plus la page."),
    "renouveler": (sharing.renew, "Un nouveau lien a été créé : l'ancien n'ouvre plus la page."),
}


@login_required
@require_http_methods(["GET", "POST"])
def share(request, page_id):
    """The share link panel of a private base or resource, for those who manage it."""
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not sharing.manages(page, request.user):
        raise Http404
    if request.method == "POST":
        action = SHARE_ACTIONS.get(request.POST.get("action", ""))
        if action is None:
            messages.error(
                request, "Cette action n'existe pas : choisissez activer, désactiver ou renouveler."
            )
        else:
            try:
                action[0](page, by=request.user)
            except sharing.SharingError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, action[1])
        return redirect("bases:share", page_id=page.pk)
    link = ShareLink.objects.filter(page=page).first()
    address = None
    if link is not None and link.enabled:
        address = request.build_absolute_uri(reverse("bases:shared", args=[page.pk, sharing.token(link)]))
    response = render(
        request,
        "bases/share_link.html",
        {
            "page": page,
            "link": link,
            "address": address,
            "private": sharing.is_private(page),
            "is_base": isinstance(page, BasePage),
        },
    )
    sharing.keep_private(response)
    return response
