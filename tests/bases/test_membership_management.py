"""Members leave, get removed, change roles, ask to join: groups follow, forged requests change nothing."""

import pytest
from django.urls import reverse

from bases.membership import join
from bases.models import JoinRequest, Membership
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def role_of(base, user):
    membership = Membership.objects.filter(base=base, user=user).first()
    return membership and membership.role


def groups_of(base, user):
    return {
        name
        for name, group_id in (("membres", base.members_group_id), ("admins", base.admins_group_id))
        if user.groups.filter(pk=group_id).exists()
    }


def test_a_member_cannot_promote_themselves(team):
    base, member = team["bases"]["public"], team["member"]
    client_for(member).post(reverse("bases:change_role", args=(base.slug, member.pk)), {"role": "admin"})
    assert role_of(base, member) == "member" and groups_of(base, member) == {"membres"}


def test_an_admin_of_one_base_cannot_manage_another(team):
    other_admin = factories.contributor()
    factories.base(owner=other_admin)
    base, member = team["bases"]["public"], team["member"]
    client = client_for(other_admin)
    client.post(reverse("bases:change_role", args=(base.slug, member.pk)), {"role": "admin"})
    client.post(reverse("bases:remove", args=(base.slug, member.pk)))
    client.post(reverse("bases:invite", args=(base.slug,)), {"email": "x@exemple.fr", "role": "admin"})
    assert role_of(base, member) == "member" and not base.invitations.exists()


def test_a_private_base_is_a_404_to_management_posts_from_outsiders(team):
    base, member = team["bases"]["private"], team["member"]
    response = client_for(factories.contributor()).post(reverse("bases:remove", args=(base.slug, member.pk)))
    assert response.status_code == 404 and role_of(base, member) == "member"


@pytest.mark.parametrize("user_id", [0, 999999])
def test_a_forged_user_id_gives_a_message_not_an_error(team, user_id):
    base = team["bases"]["public"]
    response = client_for(team["admin"]).post(
        reverse("bases:change_role", args=(base.slug, user_id)), {"role": "admin"}, follow=True
    )
    assert response.status_code == 200 and "pas membre de la base" in response.content.decode()


def test_management_needs_a_post(team):
    base, member = team["bases"]["public"], team["member"]
    response = client_for(team["admin"]).get(reverse("bases:remove", args=(base.slug, member.pk)))
    assert response.status_code == 405 and role_of(base, member) == "member"


def test_an_admin_changes_a_role_and_the_groups_follow(team):
    base, member = team["bases"]["public"], team["member"]
    client_for(team["admin"]).post(
        reverse("bases:change_role", args=(base.slug, member.pk)), {"role": "admin"}
    )
    assert role_of(base, member) == "admin" and groups_of(base, member) == {"admins"}


def test_the_last_admin_can_neither_leave_nor_be_demoted(team):
    base, admin = team["bases"]["public"], team["admin"]
    client = client_for(admin)
    client.post(reverse("bases:leave", args=(base.slug,)))
    response = client.post(
        reverse("bases:change_role", args=(base.slug, admin.pk)), {"role": "member"}, follow=True
    )
    assert "au moins un administrateur" in response.content.decode()
    assert role_of(base, admin) == "admin" and groups_of(base, admin) == {"admins"}


def test_removing_a_member_tells_them_by_email(team, mailoutbox):
    base, member = team["bases"]["public"], team["member"]
    client_for(team["admin"]).post(reverse("bases:remove", args=(base.slug, member.pk)))
    assert role_of(base, member) is None and groups_of(base, member) == set()
    assert mailoutbox[-1].subject == "Vous n'êtes plus membre de la base Base ouverte"
    assert mailoutbox[-1].to == [member.email] and base.full_url in mailoutbox[-1].body


def test_a_member_leaves(team):
    base, member = team["bases"]["private"], team["member"]
    client_for(member).post(reverse("bases:leave", args=(base.slug,)))
    assert role_of(base, member) is None and groups_of(base, member) == set()
    assert client_for(member).get(base.url).status_code == 403  # the private base's explanation


def test_a_request_to_join_is_emailed_to_the_admins_and_accepted(team, mailoutbox):
    base = team["bases"]["public"]
    candidate = factories.contributor(first_name="Chloé", last_name="Candidate")
    client_for(candidate).post(reverse("bases:request_to_join", args=(base.slug,)))
    mail = mailoutbox[-1]
    assert mail.subject == "Chloé Candidate demande à rejoindre la base Base ouverte"
    assert mail.to == [team["admin"].email] and "onglet=membres" in mail.body

    join_request = JoinRequest.objects.get(base=base, user=candidate)
    page = client_for(team["admin"]).get(base.url + "?onglet=membres").content.decode()
    assert "Chloé Candidate demande à rejoindre la base." in page
    client_for(team["admin"]).post(
        reverse("bases:answer_request", args=(base.slug, join_request.pk)), {"accept": "1"}
    )
    assert role_of(base, candidate) == "member" and groups_of(base, candidate) == {"membres"}
    assert mailoutbox[-1].subject == "Votre demande pour rejoindre la base Base ouverte a été acceptée"


def test_a_member_cannot_answer_a_request(team):
    base = team["bases"]["public"]
    candidate = factories.contributor()
    client_for(candidate).post(reverse("bases:request_to_join", args=(base.slug,)))
    join_request = JoinRequest.objects.get(user=candidate)
    client_for(team["member"]).post(
        reverse("bases:answer_request", args=(base.slug, join_request.pk)), {"accept": "1"}
    )
    assert role_of(base, candidate) is None
    join_request.refresh_from_db()
    assert join_request.answered_at is None


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("nom", ["Adèle Admin", "Zoé Arrivée", "Marc Membre"]),
        ("recents", ["Zoé Arrivée", "Marc Membre", "Adèle Admin"]),
        ("anciens", ["Adèle Admin", "Marc Membre", "Zoé Arrivée"]),
        ("role", ["Adèle Admin", "Zoé Arrivée", "Marc Membre"]),
        ("n'importe-quoi", ["Adèle Admin", "Zoé Arrivée", "Marc Membre"]),
    ],
)
def test_the_members_tab_sorts_by_name_role_and_date(team, sort, expected):
    base = team["bases"]["public"]
    join(base, factories.contributor(first_name="Zoé", last_name="Arrivée"), "admin", by=team["admin"])
    html = client_for(None).get(base.url, {"onglet": "membres", "tri": sort}).content.decode()
    table = html.split("<caption>Membres de la base</caption>")[1].split("</table>")[0]
    names = [row.split('/">')[1].split("</a>")[0] for row in table.split("<tr>")[2:]]
    assert names == expected
