"""The moderation of a page (its task, its actions, the preview of the revision under review) is shown
to those who may edit the page or review it; to others, Wagtail's refusal, naming neither the page nor
the task (named after its base)."""

import pytest
from django.urls import reverse
from wagtail.models import Task, WorkflowState

from tests import factories
from tests.admin_security.conftest import assert_shows_only_what_they_may_see, shown
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(content):
    """A member's proposal in the private base, submitted to the base's admins."""
    proposal = factories.resource(
        parent=content["bases"]["private"],
        owner=content["member"],
        publish=False,
        title="Proposition confidentielle",
    )
    content["bases"]["private"].get_workflow().start(proposal, content["member"])
    return proposal


def workflow_urls(content, pending):
    task_state = WorkflowState.objects.get(object_id=str(pending.pk)).current_task_state
    urls = []
    for page in (pending, content["private_resource"], content["draft"]):
        urls += [
            reverse("wagtailadmin_pages:workflow_preview", args=(page.pk, task_state.task_id)),
            reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=(page.pk,)),
            reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
            reverse(
                "wagtailadmin_pages:collect_workflow_action_data", args=(page.pk, "approve", task_state.pk)
            ),
            reverse("wagtailadmin_pages:workflow_history", args=(page.pk,)),
        ]
    return urls


@pytest.mark.parametrize("viewer", ["contributeur", "autre_base", "moderateur"])
def test_others_are_told_nothing_about_a_page_under_review(viewer, content, pending, client_of):
    client = client_of(viewer)
    for url in workflow_urls(content, pending):
        response = client.get(url, follow=True)
        assert pending.title not in shown(response), url
        assert_shows_only_what_they_may_see(response, content, viewer, url)


def test_reviewers_see_the_proposal_on_their_dashboard_and_others_do_not(content, pending, viewers):
    assert pending.title in shown(client_for(content["admin"]).get(reverse("wagtailadmin_home")))
    for viewer in ("contributeur", "autre_base", "moderateur"):
        assert pending.title not in shown(client_for(viewers[viewer]).get(reverse("wagtailadmin_home")))


def test_the_reviewer_previews_the_revision_under_review(content, pending):
    task = Task.objects.get(
        pk=WorkflowState.objects.get(object_id=str(pending.pk)).current_task_state.task_id
    )
    url = reverse("wagtailadmin_pages:workflow_preview", args=(pending.pk, task.pk))
    assert client_for(content["admin"]).get(url).status_code == 200
