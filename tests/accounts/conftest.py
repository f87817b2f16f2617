import re

import pytest

from tests import factories


def code_in(message) -> str:
    """The code allauth puts on a line of its own in a sign-in or verification email."""
    match = re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]{3,})*)\s*$", message.body, re.MULTILINE)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def contributor(db):
    return factories.contributor(email="camille.durand@example.org", first_name="Camille", last_name="Durand")
