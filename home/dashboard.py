"""« Mon espace »: the admin's dashboard as a contributor uses it. Six short lists — my drafts, my
published resources, my resources awaiting validation, what I may validate, my bases, my collections —
each with a link to the whole and an empty state that says what to do.

Every list shows only what the user may edit or read (``editable_pages``, the user's own memberships
and collections) and costs a fixed number of queries, whatever the number of pages of the site. It
lives in ``home``, above ``bases`` and ``community`` whose bases and collections it lists."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState

from bases.models import Membership
from bases.roles import Role
from cms.page_permissions import editable_pages
from community.models import Collection
from resources.models import ResourcePage

SHOWN = 5  # items per list: the dashboard is a summary, each list links to the whole


@dataclass
class Item:
    title: str
    url: str
    meta: str = ""
    secondary_label: str = ""
    secondary_url: str = ""


@dataclass
class Section:
    key: str
    title: str
    items: list[Item]
    empty: str
    more_label: str = ""
    more_url: str = ""
    action_label: str = ""
    action_url: str = ""


def _date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _in_moderation():
    """Whether a page has a workflow in progress (Wagtail stores the page's id as text)."""
    return WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )


def _my_resources(user):
    """The resources ``user`` owns and may still edit: owning a resource gives no right once its
    owner has left the base it is in."""
    return (
        ResourcePage.objects.filter(owner=user, pk__in=editable_pages(user).values("pk"))
        .defer_streamfields()
        .annotate(in_moderation=Exists(_in_moderation()))
    )


def _edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def drafts(user) -> list[Item]:
    pages = (
        _my_resources(user)
        .filter(has_unpublished_changes=True, in_moderation=False)
        .order_by("-latest_revision_created_at")[:SHOWN]
    )
    return [
        Item(
            page.title,
            _edit_url(page),
            f"Modifié le {_date(page.latest_revision_created_at)}"
            + (" · des modifications ne sont pas publiées" if page.live else " · jamais publiée"),
        )
        for page in pages
    ]


def published(user, request) -> list[Item]:
    pages = _my_resources(user).filter(live=True).order_by("-last_published_at")[:SHOWN]
    return [
        Item(
            page.title,
            _edit_url(page),
            f"Publiée le {_date(page.last_published_at)}",
            "Voir sur le site",
            page.get_url(request) or "",
        )
        for page in pages
    ]


def awaiting_validation(user) -> list[Item]:
    """My resources (owned, or submitted by me) that wait for a base's admins."""
    current_task = _in_moderation().values("current_task_state__task__name")[:1]
    submitted_by_me = Exists(_in_moderation().filter(requested_by=user))
    pages = (
        ResourcePage.objects.filter(pk__in=editable_pages(user).values("pk"))
        .filter(Q(owner=user) | Q(submitted_by_me))
        .defer_streamfields()
        .annotate(in_moderation=Exists(_in_moderation()), task_name=Subquery(current_task))
        .filter(in_moderation=True)
        .order_by("-latest_revision_created_at")[:SHOWN]
    )
    return [
        Item(page.title, _edit_url(page), f"En attente : {page.task_name}" if page.task_name else "")
        for page in pages
    ]


def to_validate(user) -> list[Item] | None:
    """The resources submitted to a moderation task ``user`` may act on, or None when they review
    no task. Wagtail's ``TaskState.objects.reviewable_by`` asks each task of the site in turn (one
    query per base); every task here is a ``GroupApprovalTask``, whose reviewers are its groups, so
    the same rule is one query."""
    tasks = GroupApprovalTask.objects.filter(active=True)
    if not user.is_superuser:
        tasks = tasks.filter(groups__in=user.groups.all())
    if not tasks.exists():
        return None
    states = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=tasks.values("pk"),
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        )
        .select_related("workflow_state__requested_by")
        .order_by("-started_at")[:SHOWN]
    )
    states = list(states)
    pages = ResourcePage.objects.filter(
        pk__in=[int(state.workflow_state.object_id) for state in states],
    ).filter(pk__in=editable_pages(user).values("pk"))
    pages = {page.pk: page for page in pages.defer_streamfields()}
    parents = dict(
        Page.objects.filter(path__in={page.path[: -Page.steplen] for page in pages.values()}).values_list(
            "path", "title"
        )
    )
    items = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:
            continue
        author = state.workflow_state.requested_by
        meta = f"Dans « {parents[page.path[: -Page.steplen]]} »"
        if author:
            meta += f" · soumise par {author.get_full_name()} le {_date(state.started_at)}"
        items.append(Item(page.title, _edit_url(page), meta))
    return items


def my_bases(user, request) -> list[Item]:
    memberships = (
        Membership.objects.filter(user=user, base__live=True)
        .select_related("base")
        .order_by("base__title")[:SHOWN]
    )
    return [
        Item(
            membership.base.title,
            membership.base.get_url(request) or "",
            membership.get_role_display(),
            *(
                ("Modifier la base", _edit_url(membership.base))
                if membership.role == Role.ADMIN
                else ("", "")
            ),
        )
        for membership in memberships
    ]


def my_collections(user) -> list[Item]:
    collections = Collection.objects.filter(owner=user).with_resource_counts(user)[:SHOWN]
    return [
        Item(
            collection.title,
            collection.get_absolute_url(),
            f"{collection.resource_count} ressource{'s' if collection.resource_count > 1 else ''}"
            f" · {'publique' if collection.is_public else 'privée'}",
        )
        for collection in collections
    ]


def publish_url() -> str:
    """Where « Publier une ressource » starts, as on the site: the choice of the place (my profile or
    one of my bases where I may add), which goes straight on when there is only one."""
    return reverse("resources:publish")


def sections(request) -> list[Section]:
    user = request.user
    publish = {"action_label": "Publier une ressource", "action_url": publish_url()}
    mine = {"more_label": "Toutes mes ressources", "more_url": reverse("mes_ressources:index")}
    result = [
        Section(
            "brouillons",
            "Mes brouillons",
            drafts(user),
            "Aucun brouillon en cours. Une ressource enregistrée sans être publiée vous attend ici.",
            **mine,
            **publish,
        ),
        Section(
            "publiees",
            "Mes ressources publiées",
            published(user, request),
            "Vous n'avez encore publié aucune ressource : partagez un atelier, un guide, un outil.",
            **mine,
            **publish,
        ),
        Section(
            "en-attente",
            "En attente de validation",
            awaiting_validation(user),
            "Aucune ressource en attente. Une ressource soumise dans une base attend ici que ses "
            "administrateurs la valident.",
        ),
    ]
    reviewable = to_validate(user)
    if reviewable is not None:
        result.append(
            Section(
                "a-valider",
                "À valider",
                reviewable,
                "Rien à valider : les ressources que les membres de vos bases soumettent apparaîtront ici.",
            )
        )
    result += [
        Section(
            "bases",
            "Mes bases",
            my_bases(user, request),
            "Vous ne faites partie d'aucune base. Créez-en une pour publier à plusieurs.",
            more_label="Découvrir les bases",
            more_url="/bases/",
            action_label="Créer une base",
            action_url=reverse("bases:create"),
        ),
        Section(
            "collections",
            "Mes collections",
            my_collections(user),
            "Aucune collection. Enregistrez des ressources depuis le site pour les retrouver ici.",
            more_label="Explorer les ressources",
            more_url="/ressources/",
        ),
    ]
    return result


class MonEspacePanel(Component):
    """The lists of « Mon espace », as one panel of Wagtail's dashboard."""

    name = "mon_espace"
    order = 50
    template_name = "home/dashboard/mon_espace.html"

    def get_context_data(self, parent_context):
        return {"sections": sections(parent_context["request"])}
