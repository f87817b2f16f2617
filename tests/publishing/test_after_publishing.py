"""After « Publier », the author sees the resource as visitors read it, with a French confirmation; a
submission or a draft stays in the admin with Wagtail's own answer."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from resources.models import ResourceIndexPage, ResourcePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TITLE = "Atelier smartphone"


def create(client, author, parent, **fields):
    url = reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", parent.pk))
    return client.post(url, factories.resource_form_data(author, title=TITLE, **fields))


def test_publishing_leads_to_the_resource_with_a_french_confirmation():
    author = factories.contributor()
    client = client_for(author)
    response = create(client, author, ResourceIndexPage.objects.get())
    resource = ResourcePage.objects.get(title=TITLE)
    assert resource.live
    assert response.status_code == 302 and response.url == resource.url
    html = client.get(response.url).content.decode()
    assert f"« {TITLE} » est publiée : la voici telle que la lisent les visiteurs." in html
    assert "Page « " not in html


def test_publishing_again_after_an_edit_leads_to_the_resource_too():
    author = factories.contributor()
    resource = factories.resource(owner=author, title=TITLE)
    data = factories.resource_form_data(author, title=TITLE)
    response = client_for(author).post(reverse("wagtailadmin_pages:edit", args=(resource.pk,)), data)
    assert response.status_code == 302 and response.url == resource.url


def test_an_autosave_saved_just_after_the_publication_still_leads_to_the_resource():
    """An autosave sent just before « Publier » and saved by another request just after the
    publication leaves a draft newer than the published revision: the resource was published all the
    same (as in the first publication's browser journey, when the server was slow)."""
    author = factories.contributor()
    resource = factories.resource(owner=author, title=TITLE)
    data = factories.resource_form_data(author, title=TITLE)

    def autosave_lands(request, page):
        page.get_latest_revision_as_object().save_revision(user=author)

    with hooks.register_temporarily("after_edit_page", autosave_lands, order=0):
        response = client_for(author).post(reverse("wagtailadmin_pages:edit", args=(resource.pk,)), data)
    resource.refresh_from_db()
    assert resource.live and resource.has_unpublished_changes
    assert response.status_code == 302 and response.url == resource.url


def test_a_submission_a_draft_and_a_scheduled_publication_stay_in_the_admin(team):
    member = team["member"]
    client = client_for(member)
    submitted = create(
        client, member, team["bases"]["public"], **{"action-publish": None, "action-submit": "1"}
    )
    assert submitted.status_code == 302 and not submitted.url.startswith(team["bases"]["public"].url)
    ResourcePage.objects.get(title=TITLE).delete()

    author = factories.contributor()
    draft = create(client_for(author), author, ResourceIndexPage.objects.get(), **{"action-publish": None})
    assert draft.status_code == 302 and draft.url.startswith("/admin/")
    ResourcePage.objects.get(title=TITLE).delete()

    later = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    scheduled = create(client_for(author), author, ResourceIndexPage.objects.get(), go_live_at=later)
    assert scheduled.status_code == 302 and scheduled.url.startswith("/admin/")
    assert not ResourcePage.objects.get(title=TITLE).live
