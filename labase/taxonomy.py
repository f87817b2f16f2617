"""La Base's taxonomy enums and our keys: the one table that the old links and the importer read.

La Base names each value twice: its Prisma enum name (``IntelligenceArtificielle``), which its search
URLs carry, and the name stored in its PostgreSQL enums (``intelligence_artificielle``, the enum's
``@map``), which the importer reads. Both give our key of ``reference/taxonomy.json``.
Source: ``schema.prisma`` of inclusion-numerique/la-base at f423629 (enums ``Theme``, ``ResourceType``,
``Beneficiary``, ``ProfessionalSector``, ``ResourceLicence``)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Value:
    enum: str  # Prisma's name, in La Base's URLs
    stored: str  # PostgreSQL's, in La Base's rows
    key: str  # ours


def _values(*rows: tuple[str, str, str]) -> tuple[Value, ...]:
    return tuple(Value(*row) for row in rows)


THEMES = _values(
    (
        "DiagnosticDeCompetencesNumeriques",
        "diagnostic_de_competences_numeriques",
        "diagnostic-de-competences-numeriques",
    ),
    (
        "AidesAuxDemarchesAdministratives",
        "aides_aux_demarches_administratives",
        "aide-aux-demarches-administratives",
    ),
    ("MaitriseDesOutilsNumeriques", "maitrise_des_outils_numeriques", "maitrise-des-outils-numeriques"),
    ("NavigationSurInternet", "navigation_sur_internet", "navigation-sur-internet"),
    ("SobrieteNumerique", "sobriete_numerique", "sobriete-numerique"),
    ("MaterielReconditionne", "materiel_reconditionne", "materiel-reconditionne"),
    ("Mobilites", "mobilites", "mobilites"),
    ("Accessibilite", "accessibilite", "accessibilite"),
    ("LoisirsEtCreationsNumeriques", "loisirs_et_creations_numeriques", "loisirs-et-creations-numeriques"),
    ("CitoyenneteEtEngagement", "citoyennete_et_engagement", "citoyennete-et-engagement"),
    ("CodeEtProgrammation", "code_et_programmation", "code-et-programmation"),
    ("ReseauxSociauxEtCommunication", "reseaux_sociaux_et_communication", "reseaux-sociaux-et-communication"),
    ("Donnees", "donnees", "donnees"),
    ("EmploiEtEntrepreunariat", "emploi_et_entrepreunariat", "emploi-et-entrepreneuriat"),
    ("JeuxVideos", "jeux_videos", "jeux-videos"),
    ("NumeriqueEnSante", "numerique_en_sante", "numerique-en-sante"),
    ("Parentalite", "parentalite", "parentalite"),
    ("RisquesCyberEtProtection", "risques_cyber_et_protection", "risques-cyber-et-protection"),
    ("CommunsNumeriques", "communs_numeriques", "communs-numeriques"),
    ("EconomieNumerique", "economie_numerique", "economie-numerique"),
    ("GouvernancesPartagees", "gouvernances_partagees", "gouvernances-partagees"),
    ("IntelligenceArtificielle", "intelligence_artificielle", "intelligence-artificielle"),
    ("OpenSourceEtLicencesLibres", "open_source_et_licences_libres", "open-source-et-licences-libres"),
    (
        "SouveraineteNumeriqueEtHebergementDesDonnees",
        "souverainete_numerique_et_hebergement_des_donnees",
        "souverainete-numerique-et-hebergement-des-donnees",
    ),
    (
        "EcoconceptionDeServicesNumeriques",
        "ecoconception_de_services_numeriques",
        "ecoconception-de-services-numeriques",
    ),
    ("UsagesResponsablesDuNumerique", "usages_responsables_du_numerique", "usages-responsables-du-numerique"),
    (
        "NumeriqueAuServiceDeLEnvironnement",
        "numerique_au_service_de_l_environnement",
        "numerique-au-service-de-l-environnement",
    ),
    (
        "TerritoiresConnectesEtDurables",
        "territoires_connectes_et_durables",
        "territoires-connectes-et-durables",
    ),
    ("EducationAuxMedias", "education_aux_medias", "education-aux-medias"),
)

RESOURCE_TYPES = _values(
    ("ResourcePedagogique", "resource_pedagogique", "ressources-pedagogiques"),
    ("OutilsNumeriques", "outils_numeriques", "outils-numeriques"),
    ("Annuaire", "annuaire", "annuaire"),
    ("Article", "article", "article"),
    ("BoiteOutils", "boite_outils", "boite-a-outils"),
    ("Infographie", "infographie", "infographie"),
    ("Methodologie", "methodologie", "methodologie"),
    ("Questionnaire", "questionnaire", "questionnaire"),
    ("VideoWebinaire", "video_webinaire", "video-webinaire"),
)

BENEFICIARIES = _values(
    ("TousPublics", "tous_publics", "tous-publics"),
    ("EnfantsMineurs", "enfants_mineurs", "enfants-mineurs"),
    ("Adultes", "adultes", "adultes"),
    ("SeniorsPersonnesAgees", "seniors_personnes_agees", "seniors"),
    ("Parents", "parents", "parents"),
    ("PersonnesTresEloigneesNumerique", "personnes_tres_eloignees_numerique", "tres-eloignes-du-numerique"),
    (
        "PersonneSituationHandicapOuPerteAutonomie",
        "personne_situation_handicap_ou_perte_autonomie",
        "handicap",
    ),
    ("PersonneSituationIlletrisme", "personne_situation_illetrisme", "illettrisme"),
    (
        "PersonneAllophoneOuRefugiesDemandeursAsile",
        "personne_allophone_ou_refugies_demandeurs_asile",
        "allophones-refugies",
    ),
    (
        "PersonnesEnInsertionSocialeOuProfessionnelle",
        "personnes_en_insertion_sociale_ou_professionnelle",
        "insertion",
    ),
)

PROFESSIONAL_SECTORS = _values(
    ("ActeursPublics", "acteurs_publics", "acteurs-publics"),
    ("ActeursPrivesEtAssociatifs", "acteurs_prives_et_associatifs", "acteurs-prives-et-associatifs"),
    ("AidantsEtMediateursNumeriques", "aidants_et_mediateurs_numeriques", "aidants-et-mediateurs-numeriques"),
    ("AutresProfessionnels", "autres_professionnels", "autres-professionnels"),
)

LICENCES = _values(
    ("ETALAB_2_0", "etalab_2_0", "etalab-2-0"),
    ("CC_BY_SA_4_0", "cc_by_sa_4_0", "cc-by-sa-4-0"),
    ("CC_BY_NC_SA_4_0", "cc_by_nc_sa_4_0", "cc-by-nc-sa-4-0"),
    ("NO_LICENCE", "no_licence", "sans-licence"),
)

# Our ResourcePage field of each enum.
FIELDS = {
    "themes": THEMES,
    "resource_types": RESOURCE_TYPES,
    "beneficiaries": BENEFICIARIES,
    "professional_sectors": PROFESSIONAL_SECTORS,
    "licence": LICENCES,
}

# La Base's enum name → our key, per field: how its search URLs are read.
FROM_ENUM = {field: {value.enum: value.key for value in values} for field, values in FIELDS.items()}
# La Base's stored value → our key, per field: how its rows are read.
FROM_STORED = {field: {value.stored: value.key for value in values} for field, values in FIELDS.items()}
