"""A member's request to publish goes to the base's admins, who approve or reject it; admins publish."""

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState

from resources.models import ResourcePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def submit(user, page, action):
    """Post the resource's admin edit form with one of its action buttons, with pictures and files
    that ``user`` uploaded (one may not put someone else's personal uploads in a page)."""
    data = factories.resource_form_data(user, title=page.title, action=action)
    return client_for(user).post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


@pytest.fixture
def draft(team):
    return factories.resource(
        parent=team["bases"]["public"], owner=team["member"], publish=False, title="Proposition"
    )


def test_a_member_submits_and_an_admin_approves(team, draft):
    response = submit(team["member"], draft, "action-submit")
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not Page.objects.get(pk=draft.pk).live

    task_state = state.current_task_state
    assert task_state.task.specific.groups.get() == team["bases"]["public"].admins_group
    approve = reverse("wagtailadmin_pages:workflow_action", args=(draft.pk, "approve", task_state.pk))
    assert client_for(team["member"]).post(approve, {"comment": ""}).status_code in (302, 403)
    assert not Page.objects.get(pk=draft.pk).live

    client_for(team["admin"]).post(approve, {"comment": "Très bien, merci !"})
    assert ResourcePage.objects.get(pk=draft.pk).live
    assert TaskState.objects.get(pk=task_state.pk).comment == "Très bien, merci !"


def test_an_admin_rejects_with_a_comment(team, draft):
    submit(team["member"], draft, "action-submit")
    task_state = WorkflowState.objects.get(object_id=str(draft.pk)).current_task_state
    reject = reverse("wagtailadmin_pages:workflow_action", args=(draft.pk, "reject", task_state.pk))
    client_for(team["admin"]).post(reject, {"comment": "Il manque les sources."})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED and task_state.comment == "Il manque les sources."
    assert not Page.objects.get(pk=draft.pk).live


def test_a_member_cannot_publish_directly_and_an_admin_can(team, draft):
    submit(team["member"], draft, "action-publish")
    assert not Page.objects.get(pk=draft.pk).live
    submit(team["admin"], draft, "action-publish")
    assert Page.objects.get(pk=draft.pk).live
