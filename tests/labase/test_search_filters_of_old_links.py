"""La Base's search URLs name taxonomy values by their Prisma enum names: each one reads as our key."""

import re
from pathlib import Path

import pytest

from labase.old_links import search_key
from tests.labase.test_every_enum_value_is_mapped import SCHEMA_PATH

ENUMS = {
    "Theme": "themes",
    "ResourceType": "resource_types",
    "Beneficiary": "beneficiaries",
    "ProfessionalSector": "professional_sectors",
}


@pytest.mark.parametrize(("enum", "field"), ENUMS.items())
def test_every_enum_name_of_la_bases_urls_reads_as_our_key(enum, field):
    if not Path(SCHEMA_PATH).exists():
        pytest.skip("La Base's reference schema is not beside the repository")
    body = re.search(rf"enum {enum} \{{(.*?)\}}", SCHEMA_PATH.read_text(), re.DOTALL)[1]
    names = re.findall(r"^\s+(\w+)\s+@map", body, re.MULTILINE)
    assert names
    assert [name for name in names if search_key(field, name) is None] == []


def test_an_unknown_name_reads_as_nothing():
    assert search_key("themes", "Inconnue") is None
