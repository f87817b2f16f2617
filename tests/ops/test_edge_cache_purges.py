"""What the edge is told to forget, over real HTTP, once each change is committed: the page, what lists
it, and nothing before the change is there to be read."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bases import management
from bases.membership import join
from bases.roles import Role
from cms import edge_cache
from community import collections, follows
from resources import feedback, life
from resources.models import LinkPreview
from tests import factories
from tests.conftest import client_for

LISTINGS = {"/", "/rechercher/", "/rechercher/apercu/"}


class PurgeRecorder:
    """An HTTP server on loopback that answers Wagtail's PURGE requests and remembers their paths."""

    def __init__(self):
        self.paths = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):
                recorder.paths.append(self.path)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def take(self) -> set[str]:
        paths, self.paths = set(self.paths), []
        return paths


@pytest.fixture
def edge(settings):
    recorder = PurgeRecorder()
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": recorder.url}
    }
    yield recorder
    recorder.server.shutdown()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a change and its on-commit callbacks, as the end of its request's transaction would."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


def profile(user) -> str:
    return f"/profils/{user.slug}/"


@pytest.mark.django_db
def test_publishing_a_resource_purges_it_and_every_page_that_lists_it(edge, committed, team):
    base, author = team["bases"]["public"], team["admin"]
    resource = factories.resource(parent=base, owner=author, publish=False)
    edge.take()

    committed(resource.get_latest_revision().publish)

    purged = edge.take()
    assert {resource.url, base.url, "/bases/", *LISTINGS, profile(author)} <= purged
    assert any(path.startswith("/") and path.count("/") == 2 for path in purged - LISTINGS)  # a category
    assert {"/plan-du-site/", "/sitemap.xml", "/sitemap-pages.xml"} <= purged


@pytest.mark.django_db
def test_publishing_a_resource_purges_the_feeds_markdown_and_api_that_show_it(edge, committed, team):
    base, author = team["bases"]["public"], team["admin"]
    resource = factories.resource(parent=base, owner=author, publish=False)
    edge.take()

    committed(resource.get_latest_revision().publish)

    purged = edge.take()
    assert {
        "/flux/ressources/",
        "/flux/ressources/atom/",
        f"/flux/bases/{base.slug}/",
        f"/flux/profils/{author.slug}/atom/",
        "/flux/thematiques/parentalite/",
        "/flux/categories/inclusion-numerique/",
        f"/markdown/ressources/{resource.pk}/",
        f"/markdown/bases/{base.pk}/",
        "/api/v2/pages/",
        f"/api/v2/pages/{resource.pk}/",
    } <= purged


@pytest.mark.django_db
def test_nothing_is_purged_before_the_change_is_committed(edge, django_capture_on_commit_callbacks):
    resource = factories.resource(publish=False)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        resource.get_latest_revision().publish()
    # Wagtail's own handler purges the page at once; ours waits for the commit.
    assert edge.take() <= {resource.url}
    for callback in callbacks:
        callback()
    assert resource.url in edge.take()


@pytest.mark.django_db
def test_a_base_turned_private_purges_itself_and_all_its_resources(edge, committed, team):
    base = team["bases"]["public"]
    edge.take()
    committed(management.set_visibility, base, False, by=team["admin"])
    purged = edge.take()
    assert {base.url, team["resources"]["public"].url, *LISTINGS} <= purged


@pytest.mark.django_db
def test_unpublishing_moving_and_deleting_a_resource_purge_its_old_and_new_addresses(edge, committed, team):
    resource = factories.resource(owner=team["admin"])
    old_url = resource.url
    base = team["bases"]["public"]
    edge.take()

    committed(life.move, resource, base.pk, by=team["admin"])
    resource.refresh_from_db()
    assert {old_url, resource.url, base.url, "/ressources/"} <= edge.take()

    committed(resource.unpublish)
    assert {resource.url, base.url, *LISTINGS} <= edge.take()

    committed(life.delete, resource, by=team["admin"])
    assert {resource.url, base.url} <= edge.take()


@pytest.mark.django_db
def test_ratings_saves_follows_and_memberships_purge_the_pages_that_show_them(edge, committed, team):
    resource, base, admin = team["resources"]["public"], team["bases"]["public"], team["admin"]
    reader = factories.contributor()
    collection = collections.create_collection(reader, "Mes ateliers", is_public=True)
    edge.take()

    rating = committed(feedback.rate, resource, reader, 4, "Très utile")
    assert {resource.url, base.url, *LISTINGS} <= edge.take()
    committed(feedback.reply, rating, admin, "Merci !")
    assert resource.url in edge.take()

    committed(collections.save_resource, collection, resource, by=reader)
    assert {resource.url, collection.get_absolute_url()} <= edge.take()

    committed(follows.follow_base, base, reader)
    assert {base.url, f"{base.url}abonnes/liste/"} <= edge.take()
    committed(follows.follow_profile, admin, reader)
    assert {profile(admin), f"{profile(admin)}abonnes/"} <= edge.take()

    committed(join, base, reader, Role.MEMBER, by=admin)
    assert {base.url, profile(reader)} <= edge.take()


@pytest.mark.django_db
def test_editing_a_profile_purges_it_and_the_pages_that_name_its_author(edge, committed, team):
    author = team["admin"]
    client = client_for(author)
    response = committed(
        client.post,
        "/profils/modifier/",
        {"first_name": "Adèle", "last_name": "Autrement", "is_public": "on", "department": ""},
    )
    assert response.status_code == 302, response.content.decode()
    assert {profile(author), team["resources"]["public"].url} <= edge.take()


@pytest.mark.django_db
def test_without_an_edge_no_page_is_read_and_only_the_version_is_renewed(django_assert_max_num_queries):
    def never_read():
        raise AssertionError("the pages were read")
        yield

    with django_assert_max_num_queries(2):  # the tests' cache is the database's: one delete each
        edge_cache.purge_pages(never_read())
        edge_cache.purge_paths(["/"])


@pytest.mark.django_db
def test_purging_a_base_and_its_thirty_resources_takes_a_bounded_number_of_queries(
    edge, committed, team, django_assert_max_num_queries
):
    base = team["bases"]["public"]
    for _ in range(30):
        factories.resource(parent=base, owner=team["admin"])
    pages = list(base.get_descendants(inclusive=True).specific(defer=True))
    with django_assert_max_num_queries(8):
        edge_cache.purge_pages(pages)


@pytest.mark.django_db
def test_a_link_preview_fetched_in_the_background_purges_the_pages_that_show_it(edge, committed):
    url = "https://www.service-public.fr/"
    link = {"url": url, "title": "Service-Public.fr", "caption": "", "show_preview": True}
    showing = factories.resource(body=[("link", link)])
    elsewhere = factories.resource(body=[("link", {**link, "url": "https://www.ameli.fr/"})])
    edge.take()

    committed(
        LinkPreview.objects.create, url=url, title="Service-Public.fr", fetched_at="2026-12-01T10:00:00Z"
    )

    purged = edge.take()
    assert showing.url in purged and elsewhere.url not in purged
