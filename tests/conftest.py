import copy

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import Client
from django.urls import reverse

from accounts.roles import is_platform_staff
from home.bootstrap import bootstrap_site
from tests import factories, template_database
from tests.database_snapshots import DatabaseSnapshots


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, django_db_blocker, django_db_keepdb
):
    """Test databases are copies of one migrated template (tests/template_database.py)."""
    with django_db_blocker.unblock():
        template_database.use_template(keepdb=django_db_keepdb)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the site's structure (home/bootstrap.py: site, home, indexes,
    editorial pages, menus, groups) and nothing else: each test makes the users and content it needs."""
    with django_db_blocker.unblock():
        bootstrap_site()


@pytest.fixture(scope="session")
def snapshots(django_db_setup, django_db_blocker):
    kept = DatabaseSnapshots()
    yield kept
    with django_db_blocker.unblock():
        kept.drop_all()


@pytest.fixture
def site_snapshot(snapshots, django_db_blocker):
    """Database access for a test that shares its data with other threads or processes (a live server,
    app containers), in place of pytest-django's ``transactional_db``: rather than emptying the database
    after the test (Django's ``flush``) for the next to build the site again, the database is brought
    back before it to a snapshot of the site (tests/database_snapshots.py)."""
    with django_db_blocker.unblock():
        snapshots.restore_or_take("site", bootstrap_site)
        yield snapshots


@pytest.fixture(scope="module", autouse=True)
def the_site_as_built(request, django_db_blocker):
    """A file's tests find the site's structure and nothing else, whatever file the worker ran before.
    A file of transactional tests leaves the database as its last test left it (or emptied, by
    pytest-django's ``flush``): the site's snapshot is restored before the next file, unless each of
    that file's tests restores one itself (``snapshots``): in a full run, where pytest-django puts the
    transactional files last, only before the few whose tests rely on pytest-django's ``flush``."""
    config, path = request.config, request.node.path
    if config.stash.get(SITE_DISTURBED, False) and path not in config.stash[FILES_RESTORING_A_SNAPSHOT]:
        with django_db_blocker.unblock():
            request.getfixturevalue("snapshots").restore_or_take("site", bootstrap_site)
        config.stash[SITE_DISTURBED] = False
    yield
    if path in config.stash[TRANSACTIONAL_FILES]:
        config.stash[SITE_DISTURBED] = True


SITE_DISTURBED = pytest.StashKey[bool]()
TRANSACTIONAL_FILES = pytest.StashKey[set]()
FILES_RESTORING_A_SNAPSHOT = pytest.StashKey[set]()


@pytest.fixture
def superuser(db):
    return factories.superuser()


@pytest.fixture
def superuser_client(superuser):
    return client_for(superuser)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """A test that reads what a module built (``module_db``) is a database test: it runs in its own
    savepoint, rolled back after it, as ``db`` gives.

    And a test file is either transactional or not, never both. A transactional test (``live_server``,
    ``transactional_db``) empties the database after it, so pytest-django runs them after the others;
    with each file run whole by one worker (``--dist loadfile``), a file mixing both would empty the
    database of that worker before the files that follow it. Which files are transactional, and which
    restore a snapshot before each test, is kept for ``the_site_as_built``."""
    kinds, restoring = {}, {}
    for item in items:
        if "module_db" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db)
        kinds.setdefault(item.path, set()).add(is_transactional(item))
        restoring.setdefault(item.path, set()).add("snapshots" in getattr(item, "fixturenames", ()))
    config.stash[TRANSACTIONAL_FILES] = {path for path, found in kinds.items() if True in found}
    config.stash[FILES_RESTORING_A_SNAPSHOT] = {path for path, found in restoring.items() if found == {True}}
    mixed = sorted(str(path) for path, found in kinds.items() if len(found) > 1)
    if mixed:
        raise pytest.UsageError(
            "These files mix transactional tests with others: put each kind in a file of its own.\n"
            + "\n".join(mixed)
        )


def is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(fixtures)
    )


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around a test module, for data its tests share (as Django's ``setUpTestData``): each
    test runs in a savepoint inside it, rolled back after the test as usual, and what module-scoped
    fixtures wrote is rolled back after the module's last test. Creating a base or a resource goes
    through Wagtail's page creation and publication (hundreds of queries): built once, not per test."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def forget_renditions():
    """Wagtail keeps the renditions it made in a cache of the process (``CACHES["renditions"]``); a test's
    renditions are rolled back with it, and the images a module shares outlive the test."""
    yield
    caches["renditions"].clear()


@pytest.fixture
def team(db, module_team):
    """A base admin and a member, with a public and a private base they run, each with a resource: a
    copy for this test of what the module built, so that nothing a test changes in memory reaches the next."""
    return copy.deepcopy(module_team)


@pytest.fixture(scope="module")
def module_team(module_db):
    admin = factories.contributor(first_name="Adèle", last_name="Admin", is_public=True)
    member = factories.contributor(first_name="Marc", last_name="Membre")
    bases = {
        "public": factories.base(title="Base ouverte", owner=admin, members=[member]),
        "private": factories.base(title="Base fermée", owner=admin, members=[member], is_public=False),
    }
    resources = {
        visibility: factories.resource(parent=base, owner=admin, title=f"Fiche de la {base.title.lower()}")
        for visibility, base in bases.items()
    }
    return {"admin": admin, "member": member, "bases": bases, "resources": resources}


def client_for(user) -> Client:
    """A browser signed in as ``user``. Platform staff also pass their second factor, as they must
    before reaching anything (accounts/second_factor.py)."""
    client = Client()
    if user is not None:
        client.force_login(user)
        if is_platform_staff(user):
            pass_second_factor(client, user)
    return client


def pass_second_factor(client, user) -> None:
    """Give ``user`` an authenticator app and enter its code where allauth asks a signed-in session for it."""
    secret = factories.authenticator(user)
    response = client.post(reverse("mfa_reauthenticate"), {"code": factories.totp_code(secret)})
    assert response.status_code == 302, response.content.decode()
