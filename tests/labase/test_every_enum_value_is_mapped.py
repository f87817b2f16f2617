"""Every value of La Base's taxonomy enums, as its schema lists them, has a key here."""

import re
from pathlib import Path

import pytest

from labase.importer.taxonomy import our_key

# ../shared/reference/la-base/ beside the repository.
SCHEMA_PATH = Path(__file__).resolve().parents[3] / "shared" / "reference" / "la-base" / "schema.prisma"
ENUMS = {
    "Theme": "themes",
    "ResourceType": "resource_types",
    "Beneficiary": "beneficiaries",
    "ProfessionalSector": "professional_sectors",
    "ResourceLicence": "licence",
}


def _values(enum: str) -> list[str]:
    if not SCHEMA_PATH.exists():
        pytest.skip("La Base's reference schema is not beside the repository")
    body = re.search(rf"enum {enum} \{{(.*?)\}}", SCHEMA_PATH.read_text(), re.DOTALL)[1]
    return re.findall(r'^\s+\w+\s+@map\("([^"]+)"\)', body, re.MULTILINE)


@pytest.mark.parametrize(("enum", "field"), ENUMS.items())
def test_every_value_of_la_base_has_a_key_here(enum, field):
    values = _values(enum)
    assert values
    assert [value for value in values if our_key(field, value) is None] == []
