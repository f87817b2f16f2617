"""A resource unpublished after a report goes live again only once a moderator approves it, through
Wagtail's workflow « Remise en ligne après signalement »."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import MODERATORS_GROUP
from resources import feedback, republication
from resources.models import Report
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_an_unpublished_resource_waits_for_a_moderator_to_go_live_again():
    moderator = factories.contributor()
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    owner = factories.contributor()
    resource = factories.resource(owner=owner, title="Fiche signalée")
    report = Report.objects.create(
        resource=resource, reporter=factories.contributor(), reason="erreurs", description="Erreurs."
    )
    feedback.resolve(report, by=moderator, comment="Erreurs confirmées.", unpublish=True)
    resource.refresh_from_db()

    assert not resource.live and republication.is_held(resource)
    assert not resource.permissions_for_user(owner).can_publish()
    editor = client_for(owner).get(f"/admin/pages/{resource.pk}/edit/").content.decode()
    assert "Soumettre à Remise en ligne après signalement" in editor
    assert 'name="action-publish"' not in editor
    client_for(owner).post(
        f"/admin/pages/{resource.pk}/edit/",
        factories.resource_form_data(owner, title="Fiche corrigée", action="action-publish"),
    )
    resource.refresh_from_db()
    assert not resource.live

    revision = resource.save_revision(user=owner)
    workflow_state = resource.get_workflow().start(resource, user=owner)
    assert workflow_state.current_task_state.revision == revision
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    resource.refresh_from_db()
    assert resource.live and not republication.is_held(resource)
    assert resource.permissions_for_user(owner).can_publish()
