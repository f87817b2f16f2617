"""Every value of La Base's enums (as stored, snake_case) and the key it has here."""

from resources import taxonomy

_RENAMED = {
    "themes": {
        "aides_aux_demarches_administratives": "aide-aux-demarches-administratives",
        "emploi_et_entrepreunariat": "emploi-et-entrepreneuriat",
    },
    "resource_types": {
        "resource_pedagogique": "ressources-pedagogiques",
        "boite_outils": "boite-a-outils",
    },
    "beneficiaries": {
        "seniors_personnes_agees": "seniors",
        "personnes_tres_eloignees_numerique": "tres-eloignes-du-numerique",
        "personne_situation_handicap_ou_perte_autonomie": "handicap",
        "personne_situation_illetrisme": "illettrisme",
        "personne_allophone_ou_refugies_demandeurs_asile": "allophones-refugies",
        "personnes_en_insertion_sociale_ou_professionnelle": "insertion",
    },
    "professional_sectors": {},
    "licence": {"no_licence": "sans-licence"},
}
OURS = {
    "themes": {theme["key"] for category in taxonomy.THEMES["categories"] for theme in category["themes"]},
    "resource_types": {value["key"] for value in taxonomy.RESOURCE_TYPES["values"]},
    "beneficiaries": {value["key"] for value in taxonomy.BENEFICIARIES["values"]},
    "professional_sectors": {value["key"] for value in taxonomy.PROFESSIONAL_SECTORS["values"]},
    "licence": {value["key"] for value in taxonomy.LICENCES["values"]},
}
LIMITS = {
    "themes": taxonomy.THEMES["max_per_resource"],
    "resource_types": taxonomy.RESOURCE_TYPES["max_per_resource"],
    "beneficiaries": taxonomy.BENEFICIARIES["max_per_resource"],
    "professional_sectors": taxonomy.PROFESSIONAL_SECTORS["max_per_resource"],
}


def our_key(field: str, value: str) -> str | None:
    """Our key for La Base's ``value`` of ``field``, None when unknown."""
    key = _RENAMED[field].get(value, value.replace("_", "-"))
    return key if key in OURS[field] else None


def our_keys(field: str, values) -> tuple[list[str], list[str]]:
    """``(keys, unknown values)``, in La Base's order, without repeats."""
    keys, unknown = [], []
    for value in values or []:
        key = our_key(field, value)
        if key is None:
            unknown.append(value)
        elif key not in keys:
            keys.append(key)
    return keys, unknown
