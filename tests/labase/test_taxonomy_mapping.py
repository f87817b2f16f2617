"""Every value of La Base's taxonomy enums has one of our keys, once."""

import pytest

from labase.taxonomy import FIELDS, FROM_ENUM, FROM_STORED
from resources import taxonomy

OUR_KEYS = {
    "themes": {theme["key"] for category in taxonomy.THEMES["categories"] for theme in category["themes"]},
    "resource_types": {value["key"] for value in taxonomy.RESOURCE_TYPES["values"]},
    "beneficiaries": {value["key"] for value in taxonomy.BENEFICIARIES["values"]},
    "professional_sectors": {value["key"] for value in taxonomy.PROFESSIONAL_SECTORS["values"]},
    "licence": {value["key"] for value in taxonomy.LICENCES["values"]},
}


@pytest.mark.parametrize("field", list(FIELDS))
def test_each_la_base_value_is_one_of_our_keys_and_each_key_is_reached(field):
    assert set(FROM_ENUM[field].values()) == OUR_KEYS[field]
    assert set(FROM_STORED[field].values()) == OUR_KEYS[field]
    assert len(FROM_ENUM[field]) == len(FROM_STORED[field]) == len(FIELDS[field])
