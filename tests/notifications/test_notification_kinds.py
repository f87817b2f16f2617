"""Each kind of notification reaches whom it concerns, in the site and by e-mail as they chose, never
the one who acted, and never about a page they may not read."""

import copy

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.lifecycle import delete_account
from bases import membership
from bases.models import BasePage, JoinRequest
from cms.visibility import readers
from community import follows
from notifications.delivery import notify
from notifications.models import EmailPreference, Kind, Notification, Topic
from resources import feedback, life
from resources.models import Rating, Report, ResourcePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def module_people(module_team):
    """A stranger to both bases who follows them and the admin's profile."""
    stranger = factories.contributor(first_name="Sacha", last_name="Suiveur")
    for base in module_team["bases"].values():
        follows.follow_base(base, stranger)
    follows.follow_profile(module_team["admin"], stranger)
    follows.follow_base(module_team["bases"]["private"], module_team["member"])
    return {**module_team, "stranger": stranger}


@pytest.fixture
def people(db, module_people):
    """This test's copy: what it changes in memory does not reach the next."""
    return copy.deepcopy(module_people)


def told(user, kind):
    return list(Notification.objects.filter(recipient=user, kind=kind))


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_an_answered_invitation_is_told_to_whoever_invited(people):
    base, admin = people["bases"]["public"], people["admin"]
    invitee, refuser = factories.contributor(), factories.contributor()
    _, accept_token = membership.invite(base, invitee.email, "member", by=admin)
    _, decline_token = membership.invite(base, refuser.email, "member", by=admin)
    membership.accept(accept_token, invitee)
    membership.decline(decline_token, refuser)
    (accepted,) = told(admin, Kind.INVITATION_ACCEPTED)
    (declined,) = told(admin, Kind.INVITATION_DECLINED)
    assert accepted.actor == invitee and accepted.page_id == base.pk
    assert "a accepté votre invitation à rejoindre la base « Base ouverte »" in accepted.text
    assert "a refusé" in declined.text
    assert not told(invitee, Kind.INVITATION_ACCEPTED)  # never the one who acted


def test_a_change_of_role_and_a_removal_are_told_to_the_member(people):
    base, admin, member = people["bases"]["private"], people["admin"], people["member"]
    membership.change_role(base, member, "admin", by=admin)
    (changed,) = told(member, Kind.ROLE_CHANGED)
    assert changed.text == "Vous êtes désormais administrateur de la base « Base fermée »."
    membership.remove(base, member, by=admin)
    (removed,) = told(member, Kind.REMOVED_FROM_BASE)
    # No link to a private base they may no longer read; the e-mail (their default) says it all.
    assert removed.page is None and removed.url == ""
    (message,) = [m for m in mails_to(member) if "n'êtes plus membre" in m.subject]
    assert message.body.startswith("Bonjour")
    assert not told(admin, Kind.REMOVED_FROM_BASE)


def test_a_join_request_goes_to_the_admins_and_its_answer_to_whoever_asked(people):
    base, admin = people["bases"]["private"], people["admin"]
    asker = factories.contributor(first_name="Alix")
    join_request = membership.request_to_join(base, asker)
    (request_notice,) = told(admin, Kind.JOIN_REQUEST)
    assert request_notice.url == base.url + "?onglet=membres"
    assert not told(people["member"], Kind.JOIN_REQUEST)  # admins only
    assert mails_to(admin) and "demande à rejoindre" in mails_to(admin)[0].subject
    membership.answer_request(join_request, accepted=False, by=admin)
    (answer,) = told(asker, Kind.JOIN_REQUEST_ANSWERED)
    assert "a été refusée" in answer.text and answer.page is None  # the private base stays closed
    other = factories.contributor()
    membership.answer_request(membership.request_to_join(base, other), accepted=True, by=admin)
    assert told(other, Kind.JOIN_REQUEST_ANSWERED)[0].page_id == base.pk
    assert JoinRequest.objects.filter(base=base).count() == 2


def test_a_base_deleted_in_the_admin_is_told_to_its_members(people):
    base, admin, member = people["bases"]["private"], people["admin"], people["member"]
    platform_admin = factories.superuser()
    delete_url = reverse("wagtailadmin_pages:delete", args=[base.pk])
    client = client_for(platform_admin)
    client.get(delete_url)  # the confirmation page tells nobody
    assert not Notification.objects.filter(kind=Kind.BASE_DELETED).exists()
    client.post(delete_url)
    assert not BasePage.objects.filter(pk=base.pk).exists()
    (deleted,) = told(member, Kind.BASE_DELETED)
    assert deleted.text == f"La base « Base fermée » a été supprimée par {platform_admin.public_name}."
    assert told(admin, Kind.BASE_DELETED) and not told(platform_admin, Kind.BASE_DELETED)


def test_bases_deleted_together_from_a_listing_are_told_to_their_members(people):
    bases, member = people["bases"], people["member"]
    platform_admin = factories.superuser()
    bulk_delete = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    query = f"?id={bases['public'].pk}&id={bases['private'].pk}"
    client = client_for(platform_admin)
    client.get(bulk_delete + query)  # the confirmation page tells nobody
    assert not Notification.objects.filter(kind=Kind.BASE_DELETED).exists()
    client.post(bulk_delete + query)
    assert not BasePage.objects.filter(pk__in=[base.pk for base in bases.values()]).exists()
    assert sorted(notification.text for notification in told(member, Kind.BASE_DELETED)) == [
        f"La base « {title} » a été supprimée par {platform_admin.public_name}."
        for title in ("Base fermée", "Base ouverte")
    ]


def test_a_first_publication_reaches_the_followers_who_may_read_it(people):
    stranger, member, admin = people["stranger"], people["member"], people["admin"]
    public_resource = factories.resource(
        parent=people["bases"]["public"], owner=admin, title="Atelier ouvert"
    )
    private_resource = factories.resource(
        parent=people["bases"]["private"], owner=admin, title="Atelier fermé"
    )
    # The stranger follows both bases and the admin: told once, of the public resource only.
    assert [n.text for n in Notification.objects.filter(recipient=stranger)] == [
        "Nouvelle ressource dans la base « Base ouverte » : « Atelier ouvert »."
    ]
    # The member follows the private base and may read it.
    (notice,) = told(member, Kind.FOLLOWED_BASE_PUBLISHED)
    assert notice.page_id == private_resource.pk
    assert not Notification.objects.filter(recipient=admin).exists()  # the author is not told
    # By default, new resources come in the site only.
    assert not mails_to(stranger) and not mails_to(member)
    # Published again: nobody is told twice.
    public_resource.save_revision(user=admin).publish()
    assert Notification.objects.filter(recipient=stranger).count() == 1


def test_a_resource_of_a_followed_profile(people):
    stranger, admin = people["stranger"], people["admin"]
    EmailPreference.objects.create(user=stranger, topic=Topic.FOLLOWS, by_email=True)
    resource = factories.resource(owner=admin, title="Fiche personnelle")
    (notice,) = told(stranger, Kind.FOLLOWED_PROFILE_PUBLISHED)
    assert notice.text == f"{admin.public_name} a publié une nouvelle ressource : « Fiche personnelle »."
    (message,) = mails_to(stranger)  # chosen by e-mail
    assert f"http://localhost{resource.url}" in message.body


def test_a_fan_out_costs_the_same_queries_for_one_or_many_followers(people, django_assert_max_num_queries):
    base, admin = people["bases"]["public"], people["admin"]
    resource = factories.resource(parent=base, owner=admin, publish=False)
    resource = resource.specific_class.objects.get(pk=resource.pk)
    resource.live = True  # as when it is published
    with django_assert_max_num_queries(30) as one:
        follows.tell_followers(resource, by=admin)
    for _ in range(10):
        follows.follow_base(base, factories.contributor())
    with django_assert_max_num_queries(len(one)):
        follows.tell_followers(resource, by=admin)
    assert Notification.objects.filter(page=resource).count() == 1 + 11


def test_ratings_and_replies(people):
    admin, stranger = people["admin"], people["stranger"]
    resource = people["resources"]["public"]
    rating = feedback.rate(resource, stranger, 4, "Très utile")
    (rated,) = told(admin, Kind.RATED)
    assert (
        rated.text
        == f"{stranger.public_name} a recommandé votre ressource « {resource.title} » et l'a commentée."
    )
    assert mails_to(admin)[0].subject == rated.text  # feedback comes by e-mail by default
    feedback.rate(resource, stranger, 3, "Utile")  # changed, not new: nobody told again
    assert len(told(admin, Kind.RATED)) == 1
    other = factories.contributor()
    feedback.rate(resource, other, 4)
    feedback.rate(resource, other, 4, "Un commentaire ajouté ensuite")
    assert [n.text for n in told(admin, Kind.RATED)][:2] == [
        f"{other.public_name} a commenté votre ressource « {resource.title} ».",
        f"{other.public_name} a recommandé votre ressource « {resource.title} ».",
    ]
    feedback.reply(rating, by=admin, text="Merci !")
    (replied,) = told(stranger, Kind.REPLIED)
    assert replied.actor == admin and replied.page_id == resource.pk


def test_a_reply_on_a_private_resource_is_not_told_to_who_may_no_longer_read_it(people):
    resource, admin, stranger = people["resources"]["private"], people["admin"], people["stranger"]
    rating = Rating.objects.create(resource=resource, user=stranger, value=4, comment="Donnée avant")
    feedback.reply(rating, by=admin, text="Réponse")
    assert not told(stranger, Kind.REPLIED) and not mails_to(stranger)


def test_the_outcome_of_a_report_reaches_the_reporter_and_the_owner(people):
    admin, stranger = people["admin"], people["stranger"]
    moderator = factories.superuser()
    resource = people["resources"]["public"]
    report = feedback.report(resource, by=stranger, reason="inapproprie", description="Texte")
    feedback.resolve(report, by=moderator, comment="Contraire à la charte", unpublish=True)
    (outcome,) = told(stranger, Kind.REPORT_OUTCOME)
    assert "la ressource a été dépubliée" in outcome.text and "Contraire" not in outcome.text
    (unpublished,) = told(admin, Kind.RESOURCE_UNPUBLISHED)
    assert unpublished.url == f"/admin/pages/{resource.pk}/edit/"
    assert Report.objects.get(pk=report.pk).status == Report.Status.UNPUBLISHED
    assert any("a été dépubliée" in m.subject for m in mails_to(admin))


def test_an_edit_by_someone_else_is_told_to_the_owner_once_while_unread(people):
    admin, member = people["admin"], people["member"]
    resource = people["resources"]["public"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[resource.pk])
    client = client_for(member)  # a member of the base edits its resources
    for title in ("Fiche revue par Marc", "Fiche revue encore"):
        data = factories.resource_form_data(member, title=title, slug=resource.slug, action="action-save")
        assert client.post(edit_url, data).status_code == 302
    (modified,) = told(admin, Kind.RESOURCE_MODIFIED)
    assert modified.text == f"{member.public_name} a modifié votre ressource « Fiche revue par Marc »."
    assert modified.page_id == resource.pk
    assert not mails_to(admin)  # contributors' edits come in the site only, by default
    client_for(admin).post(
        edit_url, factories.resource_form_data(admin, slug=resource.slug, action="action-save")
    )
    assert len(told(admin, Kind.RESOURCE_MODIFIED)) == 1  # nobody is told of their own edit


def test_a_deleted_resource_is_told_to_its_author_and_contributors(people):
    admin, member, stranger = people["admin"], people["member"], people["stranger"]
    resource = factories.resource(parent=people["bases"]["public"], owner=member, title="Fiche à retirer")
    contributor = factories.contributor(first_name="Inès", last_name="Invitée")
    contributor.groups.add(resource.contributors_group())

    life.delete(resource, by=admin)

    for editor in (member, contributor):
        (deleted,) = told(editor, Kind.RESOURCE_DELETED)
        assert deleted.text == f"{admin.public_name} a supprimé la ressource « Fiche à retirer »."
        assert (deleted.page_id, deleted.url) == (None, "")
    assert not told(admin, Kind.RESOURCE_DELETED) and not told(stranger, Kind.RESOURCE_DELETED)


def test_a_preference_turns_the_email_off_but_not_the_notification(people):
    admin, stranger = people["admin"], people["stranger"]
    EmailPreference.objects.create(user=admin, topic=Topic.FEEDBACK, by_email=False)
    feedback.rate(people["resources"]["public"], stranger, 4)
    assert told(admin, Kind.RATED) and not mails_to(admin)


def test_an_inactive_recipient_is_not_told(people):
    admin, stranger = people["admin"], people["stranger"]
    admin.is_active = False
    admin.save(update_fields=["is_active"])
    feedback.rate(people["resources"]["public"], stranger, 4)
    assert not told(admin, Kind.RATED)


def test_readers_of_a_page_are_those_it_is_visible_to(people):
    """``readers`` is ``visible_to`` seen from the page: they agree for every viewer and page."""
    viewers = [people["admin"], people["member"], people["stranger"], factories.superuser()]
    pages = [*people["resources"].values(), *people["bases"].values()]
    users = get_user_model().objects.all()
    for page in pages:
        for viewer in viewers:
            may_read = ResourcePage.objects.visible_to(viewer).filter(pk=page.pk).exists() or (
                BasePage.objects.visible_to(viewer).filter(pk=page.pk).exists()
            )
            assert readers(users.filter(pk=viewer.pk), page).exists() == may_read, (page, viewer)


def test_a_deleted_account_keeps_no_notification_and_none_names_it(people):
    stranger, admin = people["stranger"], people["admin"]
    feedback.rate(people["resources"]["public"], stranger, 4)
    notify(Kind.ROLE_CHANGED, [stranger], "Pour Sacha", actor=admin)
    delete_account(stranger)
    assert not Notification.objects.filter(recipient=stranger).exists()
    assert not told(admin, Kind.RATED)
