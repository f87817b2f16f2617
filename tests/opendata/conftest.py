import os
from unittest import mock

import pytest
from django.core.files.storage import default_storage

from opendata import export


@pytest.fixture(scope="module", autouse=True)
def own_folder():
    """This module's export files, apart from those another worker's export writes at the same time."""
    folder = f"donnees-ouvertes-test-{os.getpid()}/"
    with mock.patch.object(export, "FOLDER", folder):
        yield
        for name in export.FILES:
            default_storage.delete(folder + name)
