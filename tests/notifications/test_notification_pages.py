"""The bell, the list of notifications and the preferences, as their reader uses them."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from notifications.delivery import notify
from notifications.models import EmailPreference, Kind, Notification, Topic
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def module_inbox(module_team):
    """The member was told of the private base's resource (readable) and of a removal (no page)."""
    member, admin = module_team["member"], module_team["admin"]
    resource = module_team["resources"]["private"]
    notify(Kind.RESOURCE_MODIFIED, [member], "Ressource revue", actor=admin, page=resource)
    notify(Kind.REMOVED_FROM_BASE, [member], "Retiré de la base", actor=admin)
    return {**module_team, "resource": resource}


def is_checked(page: str, name: str) -> bool:
    return re.search(rf'<input[^>]*name="{name}"[^>]*checked', page) is not None


@pytest.fixture
def inbox(db, module_inbox):
    return module_inbox


def test_the_bell_shows_the_unread_count_to_the_signed_in_user_only(inbox):
    page = client_for(inbox["member"]).get("/").content.decode()
    assert 'href="/notifications/"' in page and "2 non lues" in page
    assert "/notifications/" not in Client().get("/").content.decode()


def test_the_list_is_newest_first_and_opening_one_marks_it_read(inbox):
    client = client_for(inbox["member"])
    page = client.get(reverse("notifications:list")).content.decode()
    assert page.index("Retiré de la base") < page.index("Ressource revue")
    assert "Tout marquer comme lu" in page
    notification = Notification.objects.get(recipient=inbox["member"], kind=Kind.RESOURCE_MODIFIED)
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == inbox["resource"].url
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert "1 non lue" in client.get("/").content.decode()


def test_opening_needs_a_post(inbox):
    notification = Notification.objects.filter(recipient=inbox["member"]).first()
    assert (
        client_for(inbox["member"]).get(reverse("notifications:open", args=[notification.pk])).status_code
        == 405
    )


def test_all_marked_read(inbox):
    client = client_for(inbox["member"])
    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "Toutes vos notifications sont marquées comme lues." in response.content.decode()
    assert not Notification.objects.filter(recipient=inbox["member"], read_at__isnull=True).exists()
    assert "Tout marquer comme lu" not in response.content.decode()


def test_nobody_reads_or_opens_another_users_notification(inbox):
    notification = Notification.objects.filter(recipient=inbox["member"]).first()
    client = client_for(inbox["admin"])
    assert "Ressource revue" not in client.get(reverse("notifications:list")).content.decode()
    assert client.post(reverse("notifications:open", args=[notification.pk])).status_code == 404
    client.post(reverse("notifications:mark_all_read"))
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_notification_about_a_page_the_reader_may_no_longer_read_is_not_shown(inbox):
    member, base = inbox["member"], inbox["bases"]["private"]
    base.members_group.user_set.remove(member)
    client = client_for(member)
    assert "Ressource revue" not in client.get(reverse("notifications:list")).content.decode()
    assert "1 non lue" in client.get("/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(inbox):
    response = Client().get(reverse("notifications:list"))
    assert response.status_code == 302 and "/connexion/" in response["Location"]


def test_preferences_start_from_the_defaults_and_are_kept(inbox):
    member = inbox["member"]
    client = client_for(member)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert is_checked(page, "bases") and not is_checked(page, "abonnements")
    response = client.post(
        reverse("notifications:preferences"), {"bases": "on", "abonnements": "on"}, follow=True
    )
    assert "Vos préférences de notification ont été enregistrées." in response.content.decode()
    chosen = dict(EmailPreference.objects.filter(user=member).values_list("topic", "by_email"))
    assert chosen == {
        Topic.BASES: True,
        Topic.FOLLOWS: True,
        Topic.FEEDBACK: False,
        Topic.CONTRIBUTIONS: False,
        Topic.MODERATION: False,
    }


def test_the_profile_settings_lead_to_the_preferences(inbox):
    page = client_for(inbox["member"]).get(reverse("profile_edit")).content.decode()
    assert reverse("notifications:preferences") in page


def test_the_list_costs_the_same_queries_for_3_or_23_notifications(inbox, django_assert_max_num_queries):
    member = inbox["member"]
    client = client_for(member)
    url = reverse("notifications:list")
    client.get(url)  # warms the frame cache
    with django_assert_max_num_queries(20) as few:
        assert client.get(url).status_code == 200
    Notification.objects.bulk_create(
        Notification(
            recipient=member,
            kind=Kind.RATED,
            text=f"Note {n}",
            actor=inbox["admin"],
            created_at=timezone.now(),
        )
        for n in range(21)
    )
    with django_assert_max_num_queries(len(few)) as many:
        response = client.get(url)
    assert len(many) == len(few)
    page = response.content.decode()
    assert page.count("Non lue") == 20 and "Note 20" in page and "Page suivante" in page  # 20 a page
    assert "Ressource revue" in client.get(url + "?page=2").content.decode()


def test_the_bell_costs_one_query_on_a_signed_in_page(inbox, django_assert_max_num_queries):
    client = client_for(inbox["member"])
    client.get("/")
    anonymous = Client()
    anonymous.get("/")
    with django_assert_max_num_queries(100) as visitor:
        anonymous.get("/")
    with django_assert_max_num_queries(100) as member:
        client.get("/")
    bell = [query for query in member.captured_queries if "notifications_notification" in query["sql"]]
    assert len(bell) == 1
    assert not [query for query in visitor.captured_queries if "notifications_notification" in query["sql"]]
