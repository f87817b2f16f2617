"""The admin API lists and details only the images and documents the user may choose."""

import pytest

from tests import factories
from tests.conftest import client_for
from tests.media.conftest import CHOOSES, VIEWERS

pytestmark = pytest.mark.django_db

FILES = sorted(CHOOSES["platform_admin"])


def kind(name):
    return "images" if name.endswith("image") else "documents"


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_listings_hold_only_what_the_viewer_may_choose(viewer, people, media):
    client = client_for(people[viewer])
    titles = set()
    for endpoint in ("images", "documents"):
        response = client.get(f"/admin/api/main/{endpoint}/")
        assert response.status_code == 200
        titles |= {item["title"] for item in response.json()["items"]}
    assert {name for name in FILES if media[name].title in titles} == CHOOSES[viewer]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_details_and_finding_by_id_answer_only_for_what_the_viewer_may_choose(viewer, people, media):
    client = client_for(people[viewer])
    for name in FILES:
        pk = media[name].pk
        detail = client.get(f"/admin/api/main/{kind(name)}/{pk}/")
        found = client.get(f"/admin/api/main/{kind(name)}/find/", {"id": pk})
        allowed = name in CHOOSES[viewer]
        assert (detail.status_code == 200) is allowed, name
        assert (found.status_code == 302) is allowed, name
        assert (media[name].title in detail.content.decode()) is allowed, name


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_the_listings_cost_the_same_whatever_the_number_of_files(
    endpoint, team, django_assert_max_num_queries
):
    admin, base = team["admin"], team["bases"]["private"]
    client = client_for(admin)
    path = f"/admin/api/main/{endpoint}/"

    def add(count):
        for number in range(count):
            factories.image(f"Photo {number}", owner=admin, base=base)
            factories.document(f"Fiche {number}", owner=admin, base=base)

    def queries():
        client.get(path)
        with django_assert_max_num_queries(100) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    add(2)
    few = queries()
    add(10)
    assert queries() <= few
