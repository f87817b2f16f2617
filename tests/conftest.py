import pytest
from django.test import Client

from home.demo import SUPERUSER_EMAIL, load_demo


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the demo content: site, page tree, menus, superuser."""
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.get(email=SUPERUSER_EMAIL)


@pytest.fixture
def superuser_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client
