"""Ratings with their comments, reports, join requests and follows of profiles come along."""

from django.contrib.auth import get_user_model

from bases.models import JoinRequest
from community.models import ProfileFollow
from resources.models import Rating, RatingReply, Report, ResourcePage
from tests.labase.conftest import T0

User = get_user_model()


def test_ratings_reports_join_requests_and_profile_follows(labase):
    author, reader, applicant = labase.user(slug="autrice"), labase.user(slug="lectrice"), labase.user()
    base = labase.base(author)
    resource = labase.resource(author, slug="fiche")
    labase.insert("resource_feedback", sent_by_id=reader, resource_id=resource, rating=3, comment="Utile")
    labase.insert("resource_feedback", sent_by_id=applicant, resource_id=resource, rating=9)  # off the scale
    labase.insert(
        "resource_feedback_comments",
        id="00000000-0000-0000-0000-0000000000c1",
        content="Merci !",
        feedback_sent_by_id=reader,
        feedback_resource_id=resource,
        author_id=author,
    )
    labase.insert(
        "resource_reports",
        id="00000000-0000-0000-0000-0000000000d1",
        resource_id=resource,
        sent_by_id=reader,
        reason="outdated",
        comment="Lien mort",
        privateComment="Vu avec l'autrice",
        processed=T0,
    )
    labase.insert(
        "base_join_requests", id="00000000-0000-0000-0000-0000000000e1", applicant_id=applicant, base_id=base
    )
    labase.insert(
        "profile_follows", id="00000000-0000-0000-0000-0000000000f1", profile_id=author, follower_id=reader
    )

    report = labase.run().report

    page = ResourcePage.objects.get(slug="fiche")
    rating = Rating.objects.get(resource=page)
    assert (rating.value, rating.comment, rating.user.slug) == (3, "Utile", "lectrice")
    assert "note hors de l'échelle 1 à 4 (9)" in "\n".join(report.lines())
    assert RatingReply.objects.get(rating=rating).text == "Merci !"
    flagged = Report.objects.get()
    assert (flagged.resource, flagged.reason, flagged.status) == (page, "obsolete", Report.Status.RESOLVED)
    assert flagged.moderator_comment == "Vu avec l'autrice" and flagged.description == "Lien mort"
    assert JoinRequest.objects.get().answered_at is None
    assert ProfileFollow.objects.get().profile.slug == "autrice"

    again = labase.run().report
    assert again.written() == 0, again.lines()
