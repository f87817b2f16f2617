"""A base's admins find its members' submissions on the base page, review them in the editor and
come back to the base told, in French, what became of each."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from bases import membership
from bases.membership import join
from resources.models import ResourcePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def submitted(base, member, title):
    """A member's new resource, submitted to the base's admins as the editor's « Soumettre » does."""
    draft = factories.resource(parent=base, owner=member, publish=False, title=title)
    draft.get_workflow().start(draft, member)
    return draft


def test_admins_see_the_submissions_with_a_link_to_review_them(team):
    base = team["bases"]["public"]
    draft = submitted(base, team["member"], "Proposition de Marc")

    page = client_for(team["admin"]).get(base.url).content.decode()
    assert "À valider" in page and "Proposition de Marc" in page and "Soumise par Marc Membre le" in page
    edit = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    assert f'href="{edit}?next=%2Fbases%2F{base.slug}%2F"' in page
    member_page = client_for(team["member"]).get(base.url).content.decode()
    assert "À valider" not in member_page


def test_a_reviewed_submission_leaves_the_list(team):
    base = team["bases"]["public"]
    draft = submitted(base, team["member"], "Proposition de Marc")
    draft.current_workflow_task_state.approve(user=team["admin"])
    assert "À valider" not in client_for(team["admin"]).get(base.url).content.decode()
    assert ResourcePage.objects.get(pk=draft.pk).live


def test_the_base_page_costs_the_same_queries_whatever_the_number_of_submissions_and_invitations(
    team, django_assert_max_num_queries
):
    base, admin = team["bases"]["public"], team["admin"]
    submitted(base, team["member"], "Proposition 0")
    membership.invite(base, "invite0@exemple.fr", "member", by=admin)
    client = client_for(admin)
    client.get(base.url)
    with django_assert_max_num_queries(200) as captured:
        client.get(base.url + "?onglet=membres")
    budget = len(captured)
    for number in range(1, 11):
        author = factories.contributor()
        join(base, author, "member", by=admin)
        submitted(base, author, f"Proposition {number}")
        membership.invite(base, f"invite{number}@exemple.fr", "member", by=admin)
    with django_assert_max_num_queries(budget):
        page = client.get(base.url + "?onglet=membres").content.decode()
    assert "Proposition 10" in page and "invite10@exemple.fr" in page


def review(client, draft, submitted_data, action, next_url):
    """Post the editor's form with one of its review buttons, as « Approuver » or « Demander des
    modifications » do, the editor having been opened from the base page."""
    data = {key: value for key, value in submitted_data.items() if key != "action-submit"}
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = action
    data["workflow-action-extra-data"] = "{}" if action == "approve" else '{"comment": "Ajoutez un exemple."}'
    return client.post(
        f"{reverse('wagtailadmin_pages:edit', args=(draft.pk,))}?next={next_url}", data, follow=True
    )


@pytest.mark.parametrize(
    ("action", "confirmation", "live"),
    [
        ("approve", "« Proposition de Marc » est validée et publiée.", True),
        (
            "reject",
            "« Proposition de Marc » n&#x27;est pas publiée : son auteur peut la modifier et la soumettre de nouveau.",
            False,
        ),
    ],
)
def test_after_a_review_the_admin_is_back_on_the_base_with_a_confirmation(team, action, confirmation, live):
    base, member = team["bases"]["public"], team["member"]
    draft = factories.resource(parent=base, owner=member, publish=False, title="Proposition de Marc")
    data = factories.resource_form_data(member, title=draft.title, action="action-submit")
    client_for(member).post(reverse("wagtailadmin_pages:edit", args=(draft.pk,)), data)
    assert WorkflowState.objects.get(object_id=str(draft.pk)).status == WorkflowState.STATUS_IN_PROGRESS

    # The reviewer sends back the form as the author left it, media included.
    response = review(client_for(team["admin"]), draft, data, action, base.url)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == base.url
    assert confirmation in page
    assert "a été mise à jour" not in page
    assert ResourcePage.objects.get(pk=draft.pk).live is live
