"""Moderation speaks French: the names of the workflows and tasks that the editor and the e-mails
quote, and the e-mails themselves, which greet with « Bonjour »."""

import pytest
from django.urls import reverse
from wagtail.models import Task, Workflow, WorkflowState

from home.bootstrap import bootstrap_site
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_wagtails_default_moderation_is_renamed_by_the_bootstrap():
    """As Wagtail's migration creates them (a flushed test database no longer has them)."""
    task = Task.objects.create(name="Moderators approval")
    workflow = Workflow.objects.create(name="Moderators approval")

    bootstrap_site()
    bootstrap_site()

    task.refresh_from_db()
    workflow.refresh_from_db()
    assert task.name == workflow.name == "Validation par les modérateurs"


def test_a_base_moderation_is_named_for_what_it_does(team):
    workflow = team["bases"]["public"].get_workflow()
    assert workflow.name == "Validation par les administrateurs de la base"
    assert [task.name for task in workflow.tasks] == ["Validation par les administrateurs de la base"]


def test_the_editor_offers_to_submit_to_the_base_admins(team):
    draft = factories.resource(parent=team["bases"]["public"], owner=team["member"], publish=False)
    html = (
        client_for(team["member"]).get(reverse("wagtailadmin_pages:edit", args=(draft.pk,))).content.decode()
    )
    assert "Soumettre à Validation par les administrateurs de la base" in html
    assert "Moderators approval" not in html


def test_the_admins_are_told_in_french_starting_with_bonjour(team, mailoutbox):
    draft = factories.resource(
        parent=team["bases"]["public"], owner=team["member"], publish=False, title="Proposition"
    )
    data = factories.resource_form_data(team["member"], title="Proposition", action="action-submit")
    client_for(team["member"]).post(reverse("wagtailadmin_pages:edit", args=(draft.pk,)), data)
    assert WorkflowState.objects.get(object_id=str(draft.pk)).status == WorkflowState.STATUS_IN_PROGRESS

    to_admin = next(mail for mail in mailoutbox if team["admin"].email in mail.to)
    assert to_admin.body.strip().startswith("Bonjour Adèle,")
    assert "Salut" not in to_admin.body
    # Wagtail's French translation puts no-break spaces inside its quotation marks.
    assert "«\xa0Validation par les administrateurs de la base\xa0»" in to_admin.body
    assert "L'équipe des Bases du numérique d'intérêt général" in to_admin.body
