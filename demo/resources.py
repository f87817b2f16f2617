"""Demo resources: users, bases, pictures, documents and some thirty resources for médiateurs numériques.

Like ``demo.loader``, every function finds what exists (by email, slug or title) before creating anything,
so a second run changes nothing. Pictures and documents are generated here: no network is needed.
"""

import math
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.private_api import set_file_metadata
from demo.bases import load_demo_bases
from resources.models import ResourcePage
from resources.permissions import ensure_contributors_group

DEMO_PASSWORD = "lesbases-demo"

USERS = [
    {
        "key": "camille",
        "email": "camille.lefevre@lesbases.local",
        "first_name": "Camille",
        "last_name": "Lefèvre",
        "department": "35",
        "is_public": True,
        "description": "Médiatrice numérique à Rennes, j'anime des ateliers pour les seniors "
        "et les personnes éloignées du numérique.",
    },
    {
        "key": "karim",
        "email": "karim.benali@lesbases.local",
        "first_name": "Karim",
        "last_name": "Benali",
        "department": "93",
        "is_public": True,
        "description": "Coordinateur d'un réseau d'aidants numériques bénévoles en Seine-Saint-Denis.",
    },
    {
        "key": "sophie",
        "email": "sophie.marchand@lesbases.local",
        "first_name": "Sophie",
        "last_name": "Marchand",
        "department": "63",
        "is_public": True,
        "description": "Chargée de mission inclusion numérique dans une collectivité du Puy-de-Dôme.",
    },
    {
        "key": "julien",
        "email": "julien.morel@lesbases.local",
        "first_name": "Julien",
        "last_name": "Morel",
        "department": "59",
        "is_public": False,
        "description": "Conseiller numérique dans une médiathèque du Nord.",
    },
    {
        "key": "lucie",
        "email": "lucie.martin@lesbases.local",
        "first_name": "Lucie",
        "last_name": "Martin",
        "department": "63",
        "is_public": True,
        "description": "Conseillère France services, membre de la coordination départementale.",
    },
    {
        "key": "thomas",
        "email": "thomas.girard@lesbases.local",
        "first_name": "Thomas",
        "last_name": "Girard",
        "department": "69",
        "is_public": True,
        "description": "Bénévole dans une association d'aide aux démarches en ligne à Lyon.",
    },
]

IMAGE_SIZE = WIDTH, HEIGHT = (1200, 675)
LIGHT = 70  # opacity of the shapes, out of 255
# Text-free pictures: a gradient between two colours under a pattern of light shapes.
IMAGES = [
    {
        "key": "cercles",
        "title": "Illustration — cercles sur fond bleu",
        "filename": "illustration-cercles-bleu.png",
        "colours": ((0, 0, 145), (106, 106, 244)),
        "pattern": "circles",
        "owner": "camille",
    },
    {
        "key": "bandes",
        "title": "Illustration — bandes sur fond vert",
        "filename": "illustration-bandes-vert.jpg",
        "colours": ((24, 117, 60), (184, 254, 201)),
        "pattern": "stripes",
        "owner": "camille",
    },
    {
        "key": "triangles",
        "title": "Illustration — triangles sur fond orange",
        "filename": "illustration-triangles-orange.jpg",
        "colours": ((206, 97, 64), (252, 191, 160)),
        "pattern": "triangles",
        "owner": "sophie",
    },
    {
        "key": "grille",
        "title": "Illustration — grille sur fond violet",
        "filename": "illustration-grille-violet.png",
        "colours": ((78, 40, 130), (200, 170, 240)),
        "pattern": "grid",
        "owner": "sophie",
    },
    {
        "key": "vagues",
        "title": "Illustration — vagues sur fond sable",
        "filename": "illustration-vagues-sable.jpg",
        "colours": ((160, 110, 40), (250, 235, 200)),
        "pattern": "waves",
        "owner": "karim",
    },
    {
        "key": "points",
        "title": "Illustration — points sur fond rouge",
        "filename": "illustration-points-rouge.png",
        "colours": ((170, 30, 50), (250, 200, 200)),
        "pattern": "dots",
        "owner": "karim",
    },
]

CSV_PLACES = (
    "nom;commune;code postal;services;horaires\n"
    "Médiathèque des Champs Libres;Rennes;35000;Ateliers collectifs, accès libre;Mardi au samedi, 10 h à 18 h\n"
    "France services de Montfort;Montfort-sur-Meu;35160;Aide aux démarches administratives;Lundi au vendredi\n"
    "Espace social commun Cleunay;Rennes;35000;Permanences individuelles;Mercredi, 14 h à 17 h\n"
    "Tiers-lieu La Fabrik;Redon;35600;Ateliers, prêt de matériel;Jeudi et vendredi, 9 h à 12 h\n"
    "Centre social du Blosne;Rennes;35200;Ateliers seniors, aide aux démarches;Lundi et jeudi, 14 h à 17 h\n"
)
TXT_WORKSHOP = (
    "Atelier « Premiers pas sur smartphone » — déroulé (2 heures, 6 à 8 participants)\n\n"
    "1. Accueil et tour de table (15 min) : ce que chacun fait déjà avec son téléphone.\n"
    "2. Allumer, déverrouiller, régler le volume et la luminosité (20 min).\n"
    "3. L'écran d'accueil : ouvrir, fermer et déplacer une application (25 min).\n"
    "4. Pause (10 min).\n"
    "5. Appeler, envoyer un SMS, ajouter un contact (30 min).\n"
    "6. Bilan : ce que j'ai appris, ce que je veux revoir (20 min).\n\n"
    "Matériel : un smartphone par personne, chargeurs, la fiche mémo imprimée.\n"
)
PDF_LINES = [
    "Fiche mémo : créer son adresse e-mail",
    "1. Choisir un fournisseur de messagerie.",
    "2. Choisir un identifiant simple à retenir.",
    "3. Choisir un mot de passe solide et le noter en lieu sûr.",
    "4. Envoyer un premier message à son médiateur numérique.",
]
DOCUMENTS = [
    {
        "key": "memo-email",
        "title": "Fiche mémo — créer son adresse e-mail",
        "filename": "fiche-memo-adresse-e-mail.pdf",
        "owner": "camille",
    },
    {
        "key": "lieux",
        "title": "Lieux de médiation numérique en Ille-et-Vilaine (extrait)",
        "filename": "lieux-mediation-numerique-35.csv",
        "owner": "camille",
    },
    {
        "key": "deroule",
        "title": "Déroulé de l'atelier « Premiers pas sur smartphone »",
        "filename": "deroule-atelier-smartphone.txt",
        "owner": "julien",
    },
]

# Body items: ("section", title, html) gives a section title and its text; ("text", html);
# ("image", image, alt text, caption); ("decorative", image, caption);
# ("file", document, title, caption, show preview); ("url", address, title, caption);
# ("page", slug of another demo resource, title, caption).
# "status" is "public" (the default), "private", "draft" or "unpublished".
RESOURCES = [
    {
        "slug": "creer-une-adresse-e-mail",
        "title": "Créer une adresse e-mail avec un public débutant",
        "description": "Un tutoriel pas à pas pour accompagner une personne qui crée sa première adresse "
        "e-mail, avec une fiche mémo à imprimer.",
        "base": None,
        "owner": "camille",
        "cover": "cercles",
        "themes": ["maitrise-des-outils-numeriques", "navigation-sur-internet"],
        "types": ["ressources-pedagogiques"],
        "beneficiaries": ["adultes", "seniors", "tres-eloignes-du-numerique"],
        "sectors": ["aidants-et-mediateurs-numeriques"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "Avant de commencer",
                "<p>Une adresse e-mail est indispensable pour la plupart des démarches en ligne. "
                "Prévoyez <b>45 minutes</b> et vérifiez que la personne a accès à son téléphone : "
                "un code de vérification lui sera souvent envoyé par SMS.</p>"
                "<ul><li>un ordinateur ou un smartphone connecté ;</li>"
                "<li>le téléphone portable de la personne ;</li>"
                "<li>une feuille pour noter l'adresse et le mot de passe.</li></ul>",
            ),
            (
                "section",
                "Les étapes",
                "<h3>Choisir un fournisseur</h3><p>Présentez deux ou trois messageries gratuites et laissez "
                "la personne choisir. Évitez de décider à sa place.</p>"
                "<h3>Créer le compte</h3><ol><li>Choisir un identifiant simple : prénom.nom, par exemple.</li>"
                "<li>Choisir un mot de passe solide.</li><li>Saisir le code reçu par SMS.</li></ol>"
                "<h3>Envoyer un premier message</h3><p>Terminez en envoyant un message à votre propre adresse : "
                "la personne voit que tout fonctionne.</p>",
            ),
            ("image", "cercles", "Illustration abstraite : cercles clairs sur un dégradé bleu", ""),
            (
                "file",
                "memo-email",
                "Fiche mémo à imprimer",
                "Une page à remettre à la personne en fin de séance.",
                True,
            ),
        ],
    },
    {
        "slug": "reconnaitre-un-message-d-hameconnage",
        "title": "Reconnaître un message d'hameçonnage : atelier en 5 exemples",
        "description": "Cinq faux messages commentés pour apprendre à repérer les arnaques par e-mail et SMS, "
        "et savoir quoi faire quand on a cliqué.",
        "base": None,
        "owner": "julien",
        "themes": ["risques-cyber-et-protection", "navigation-sur-internet"],
        "types": ["ressources-pedagogiques", "boite-a-outils"],
        "beneficiaries": ["tous-publics", "seniors"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-publics"],
        "licence": "cc-by-sa-4-0",
        "body": [
            (
                "section",
                "Les indices qui doivent alerter",
                "<ul><li>un <b>sentiment d'urgence</b> : « votre compte sera bloqué sous 24 heures » ;</li>"
                "<li>une adresse d'expéditeur qui ne correspond pas à l'organisme ;</li>"
                "<li>une demande de coordonnées bancaires ou de mot de passe ;</li>"
                "<li>des fautes d'orthographe ou une mise en page approximative.</li></ul>",
            ),
            (
                "section",
                "Déroulé de l'atelier",
                "<p>Projetez les exemples un par un. Pour chacun, les participants votent : vrai ou faux "
                "message ? Puis vous commentez ensemble les indices.</p>"
                "<h3>Et si j'ai cliqué ?</h3><ol><li>Changer immédiatement le mot de passe concerné.</li>"
                "<li>Prévenir sa banque si des coordonnées bancaires ont été saisies.</li>"
                "<li>Signaler le message.</li></ol>",
            ),
            (
                "url",
                "https://www.cybermalveillance.gouv.fr/",
                "Cybermalveillance.gouv.fr",
                "Le dispositif national d'assistance aux victimes : fiches réflexes et diagnostic en ligne.",
            ),
        ],
    },
    {
        "slug": "utiliser-franceconnect",
        "title": "Utiliser FranceConnect pour ses démarches",
        "description": "Expliquer FranceConnect en quelques minutes : à quoi il sert, quels comptes utiliser "
        "et les erreurs fréquentes lors de la première connexion.",
        "base": None,
        "owner": "karim",
        "cover": "bandes",
        "themes": ["aide-aux-demarches-administratives"],
        "types": ["ressources-pedagogiques", "article"],
        "beneficiaries": ["adultes", "allophones-refugies"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-prives-et-associatifs"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "À quoi sert FranceConnect ?",
                "<p>FranceConnect permet de se connecter à plus de mille services publics avec un compte "
                "que l'on possède déjà : impots.gouv.fr, ameli, l'Identité numérique La Poste…</p>",
            ),
            (
                "section",
                "Les erreurs fréquentes",
                "<ul><li>choisir un compte dont on a oublié le mot de passe ;</li>"
                "<li>se connecter avec le compte d'un proche ;</li>"
                "<li>confondre FranceConnect et FranceConnect+, demandé pour les démarches sensibles.</li></ul>",
            ),
            ("url", "https://franceconnect.gouv.fr/", "FranceConnect", "La page officielle du service."),
        ],
    },
    {
        "slug": "quiz-vocabulaire-du-numerique",
        "title": "Quiz : le vocabulaire du numérique",
        "description": "Vingt questions pour démarrer un atelier en s'amusant : navigateur, application, "
        "cloud, cookie… Avec les réponses expliquées simplement.",
        "base": None,
        "owner": "julien",
        "themes": ["maitrise-des-outils-numeriques", "navigation-sur-internet"],
        "types": ["questionnaire", "ressources-pedagogiques"],
        "beneficiaries": ["tous-publics", "tres-eloignes-du-numerique"],
        "sectors": ["aidants-et-mediateurs-numeriques"],
        "licence": "sans-licence",
        "body": [
            (
                "section",
                "Comment utiliser le quiz",
                "<p>Lisez les questions à voix haute et laissez le groupe proposer des réponses avant de "
                "donner la bonne. L'objectif n'est pas de noter : c'est d'ouvrir la discussion.</p>",
            ),
            (
                "section",
                "Quelques questions",
                "<ol><li>Quelle est la différence entre Internet et le Web ?</li>"
                "<li>Un navigateur, c'est quoi ? Citez-en deux.</li>"
                "<li>Que veut dire « télécharger » ?</li><li>À quoi sert un cookie ?</li></ol>"
                "<p><i>Les réponses sont dans la fiche de l'animateur.</i></p>",
            ),
        ],
    },
    {
        "slug": "trier-ses-photos-sur-smartphone",
        "title": "Trier ses photos sur son smartphone",
        "description": "Mes notes pour un atelier individuel : créer des albums, supprimer les doublons et "
        "sauvegarder ses photos.",
        "base": None,
        "owner": "camille",
        "status": "private",
        "themes": ["maitrise-des-outils-numeriques", "loisirs-et-creations-numeriques"],
        "types": ["ressources-pedagogiques"],
        "beneficiaries": ["seniors"],
        "sectors": ["aidants-et-mediateurs-numeriques"],
        "licence": "cc-by-nc-sa-4-0",
        "body": [
            (
                "section",
                "Points à aborder",
                "<ul><li>retrouver l'application Photos ;</li><li>créer un album par événement ;</li>"
                "<li>supprimer les doublons et vider la corbeille ;</li>"
                "<li>sauvegarder sur un ordinateur ou une clé USB.</li></ul>",
            ),
        ],
    },
    {
        "slug": "atelier-parentalite-et-ecrans",
        "title": "Notes de préparation : atelier parentalité et écrans",
        "description": "Une trame en cours d'écriture pour un atelier destiné aux parents d'enfants "
        "de moins de 12 ans.",
        "base": None,
        "owner": "sophie",
        "status": "draft",
        "themes": ["parentalite", "education-aux-medias"],
        "types": ["ressources-pedagogiques"],
        "beneficiaries": ["parents"],
        "sectors": [],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "Idées de séquences",
                "<ul><li>le contrôle parental ;</li><li>les temps d'écran ;</li></ul>",
            ),
        ],
    },
    {
        "slug": "installer-une-application-de-visioconference",
        "title": "Installer et paramétrer une application de visioconférence",
        "description": "Pour garder le lien avec ses proches ou suivre un rendez-vous à distance : installer "
        "l'application, tester le micro et la caméra, rejoindre un appel.",
        "base": None,
        "owner": "julien",
        "cover": "vagues",
        "themes": ["maitrise-des-outils-numeriques", "reseaux-sociaux-et-communication"],
        "types": ["ressources-pedagogiques"],
        "beneficiaries": ["seniors", "adultes"],
        "sectors": ["aidants-et-mediateurs-numeriques", "autres-professionnels"],
        "licence": "cc-by-sa-4-0",
        "body": [
            (
                "section",
                "Installer l'application",
                "<p>Depuis le magasin d'applications du téléphone, recherchez l'application indiquée par "
                "l'organisateur de l'appel. Vérifiez l'éditeur avant d'installer.</p>",
            ),
            (
                "section",
                "Tester avant le premier appel",
                "<ol><li>Autoriser l'accès au micro et à la caméra.</li>"
                "<li>Faire un appel d'essai avec le médiateur.</li>"
                "<li>Repérer les boutons : couper le micro, couper la caméra, raccrocher.</li></ol>",
            ),
            (
                "page",
                "creer-une-adresse-e-mail",
                "Créer une adresse e-mail",
                "Souvent nécessaire pour créer un compte de visioconférence.",
            ),
        ],
    },
    {
        "slug": "choisir-un-mot-de-passe-solide",
        "title": "Choisir un mot de passe solide et s'en souvenir",
        "description": "La méthode de la phrase de passe, expliquée avec des exemples, et une introduction "
        "aux gestionnaires de mots de passe.",
        "base": None,
        "owner": "karim",
        "themes": ["risques-cyber-et-protection"],
        "types": ["ressources-pedagogiques", "infographie"],
        "beneficiaries": ["tous-publics"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-publics"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "La phrase de passe",
                "<p>Une phrase de passe est plus facile à retenir et plus difficile à deviner qu'un mot "
                "de passe court : quatre ou cinq mots sans lien entre eux, avec un chiffre.</p>"
                "<h3>Les règles à retenir</h3><ul><li>un mot de passe différent par service ;</li>"
                "<li>jamais de date de naissance ni de prénom ;</li>"
                "<li>ne jamais le communiquer, même à un conseiller.</li></ul>",
            ),
            (
                "section",
                "Les gestionnaires de mots de passe",
                "<p>Un gestionnaire retient tous les mots de passe derrière un seul mot de passe principal. "
                'Les recommandations de l\'<a href="https://cyber.gouv.fr/">ANSSI</a> aident à en choisir un.</p>',
            ),
            ("page", "reconnaitre-un-message-d-hameconnage", "Reconnaître un message d'hameçonnage", ""),
        ],
    },
    {
        "slug": "atelier-premiers-pas-sur-tablette",
        "title": "Atelier « Premiers pas sur tablette » — déroulé complet",
        "description": "Un atelier collectif de deux heures pour découvrir la tablette : gestes de base, "
        "applications, réglages. Déroulé minuté et conseils d'animation.",
        "base": "bretagne",
        "owner": "camille",
        "cover": "bandes",
        "themes": ["maitrise-des-outils-numeriques"],
        "types": ["ressources-pedagogiques", "methodologie"],
        "beneficiaries": ["seniors", "tres-eloignes-du-numerique"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-prives-et-associatifs"],
        "licence": "cc-by-sa-4-0",
        "body": [
            ("decorative", "bandes", ""),
            (
                "section",
                "Préparer l'atelier",
                "<p>Chargez les tablettes la veille et créez un compte invité sur chacune. Un groupe de "
                "<b>six à huit personnes</b> permet à chacun de manipuler.</p>",
            ),
            (
                "section",
                "Déroulé",
                "<ol><li>Tour de table : ce que chacun attend de l'atelier.</li>"
                "<li>Les gestes : toucher, glisser, pincer pour zoomer.</li>"
                "<li>Ouvrir et fermer une application.</li><li>Régler la taille du texte.</li></ol>",
            ),
            (
                "text",
                "<h3>Conseil d'animation</h3><p>Laissez les mains sur les tablettes : montrez sur la vôtre, "
                "ne touchez pas celle des participants.</p>",
            ),
            (
                "file",
                "deroule",
                "Déroulé minuté",
                "Le déroulé à imprimer pour l'animateur, adaptable au smartphone.",
                False,
            ),
        ],
    },
    {
        "slug": "diagnostic-des-competences-numeriques",
        "title": "Diagnostic des compétences numériques : la grille d'entretien",
        "description": "Une grille pour le premier rendez-vous : repérer les usages, les équipements et les "
        "besoins de la personne, et l'orienter vers le bon accompagnement.",
        "base": "bretagne",
        "owner": "camille",
        "themes": ["diagnostic-de-competences-numeriques"],
        "types": ["methodologie", "questionnaire"],
        "beneficiaries": ["adultes", "insertion"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-publics"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "Les quatre questions du premier entretien",
                "<ol><li>Quel équipement avez-vous chez vous ?</li><li>Qu'arrivez-vous déjà à faire ?</li>"
                "<li>Qu'est-ce qui vous bloque aujourd'hui ?</li><li>Qu'aimeriez-vous savoir faire ?</li></ol>",
            ),
            (
                "section",
                "Orienter après le diagnostic",
                "<ul><li><b>Démarche urgente</b> : aide ponctuelle, éventuellement avec Aidants Connect ;</li>"
                "<li><b>envie d'apprendre</b> : atelier collectif ou parcours individuel ;</li>"
                "<li><b>usager déjà autonome</b> : auto-évaluation en ligne.</li></ul>",
            ),
            (
                "url",
                "https://pix.fr/",
                "Pix, le service public d'évaluation",
                "Pour une auto-évaluation des compétences numériques.",
            ),
        ],
    },
    {
        "slug": "animer-un-cafe-numerique-en-milieu-rural",
        "title": "Animer un café numérique en milieu rural",
        "description": "Retour d'expérience et méthode pour lancer un rendez-vous régulier et convivial dans "
        "une commune de moins de 2 000 habitants.",
        "base": "bretagne",
        "owner": "julien",
        "cover": "cercles",
        "themes": ["maitrise-des-outils-numeriques", "territoires-connectes-et-durables"],
        "types": ["methodologie", "article"],
        "beneficiaries": ["tous-publics", "seniors"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-publics"],
        "licence": "cc-by-sa-4-0",
        "body": [
            (
                "section",
                "Le principe",
                "<p>Un café numérique est un temps ouvert, sans inscription, où chacun vient avec sa question. "
                "Il a lieu au même endroit et à la même heure chaque semaine.</p>",
            ),
            (
                "section",
                "Trouver le bon lieu",
                "<ul><li>la mairie ou la médiathèque, pour l'accès au réseau ;</li>"
                "<li>le café du village, pour la convivialité ;</li>"
                "<li>le marché, pour aller vers ceux qui ne viendraient pas.</li></ul>",
            ),
            (
                "section",
                "Faire connaître le rendez-vous",
                "<p>Le bulletin municipal et le bouche-à-oreille restent les canaux les plus efficaces. "
                "Pensez aussi aux secrétaires de mairie, qui orientent beaucoup d'habitants.</p>",
            ),
            (
                "image",
                "cercles",
                "Illustration abstraite : cercles clairs sur un dégradé bleu",
                "Illustration",
            ),
        ],
    },
    {
        "slug": "lieux-de-mediation-numerique-ille-et-vilaine",
        "title": "Carte des lieux de médiation numérique en Ille-et-Vilaine",
        "description": "Un extrait de la liste des lieux où se faire accompagner, à télécharger au format "
        "tableur, et le lien vers la cartographie nationale.",
        "base": "bretagne",
        "owner": "camille",
        "themes": ["aide-aux-demarches-administratives", "territoires-connectes-et-durables"],
        "types": ["annuaire"],
        "beneficiaries": ["tous-publics"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-publics", "autres-professionnels"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "La liste",
                "<p>Le fichier liste les lieux, leurs services et leurs horaires. Il est mis à jour chaque "
                "trimestre par le réseau.</p>",
            ),
            ("file", "lieux", "Liste des lieux (CSV)", "Séparateur point-virgule, encodage UTF-8.", False),
            (
                "url",
                "https://cartographie.societenumerique.gouv.fr/",
                "La cartographie nationale",
                "Tous les lieux d'inclusion numérique de France.",
            ),
        ],
    },
    {
        "slug": "compte-rendu-reunion-du-reseau",
        "title": "Compte rendu de la réunion du réseau — mars",
        "description": "Réservé aux membres : décisions, calendrier des formations et prochaines rencontres.",
        "base": "bretagne",
        "owner": "camille",
        "status": "private",
        "themes": ["gouvernances-partagees"],
        "types": ["article"],
        "beneficiaries": [],
        "sectors": ["aidants-et-mediateurs-numeriques"],
        "licence": "sans-licence",
        "body": [
            (
                "section",
                "Décisions",
                "<ul><li>une formation « santé en ligne » en mai ;</li>"
                "<li>la liste des lieux sera mise à jour chaque trimestre.</li></ul>",
            ),
        ],
    },
    {
        "slug": "accompagner-mon-espace-sante",
        "title": "Accompagner les démarches de santé en ligne : Mon espace santé",
        "description": "Activer Mon espace santé, consulter ses documents et gérer ses accès : les points "
        "d'attention pour l'aidant, notamment sur la confidentialité.",
        "base": "bretagne",
        "owner": "julien",
        "themes": ["numerique-en-sante", "aide-aux-demarches-administratives"],
        "types": ["ressources-pedagogiques", "article"],
        "beneficiaries": ["adultes", "seniors", "handicap"],
        "sectors": ["aidants-et-mediateurs-numeriques", "autres-professionnels"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "Activer son espace",
                "<p>L'activation demande la carte Vitale et le code provisoire reçu par courrier ou "
                "par e-mail. Sans code, la personne peut le redemander en ligne.</p>",
            ),
            (
                "section",
                "Confidentialité : le rôle de l'aidant",
                "<p>Les données de santé sont parmi les plus sensibles. <b>Ne consultez jamais</b> les "
                "documents à la place de la personne et ne conservez aucune copie.</p>",
            ),
            ("url", "https://www.monespacesante.fr/", "Mon espace santé", "Le site officiel du service."),
        ],
    },
    {
        "slug": "atelier-sobriete-mon-empreinte",
        "title": "Sensibiliser à la sobriété numérique : l'atelier « Mon empreinte »",
        "description": "Un atelier participatif pour comprendre d'où vient l'empreinte environnementale du "
        "numérique et adopter trois gestes simples.",
        "base": "bretagne",
        "owner": "camille",
        "cover": "vagues",
        "themes": ["sobriete-numerique", "usages-responsables-du-numerique", "materiel-reconditionne"],
        "types": ["ressources-pedagogiques", "boite-a-outils"],
        "beneficiaries": ["tous-publics", "enfants-mineurs"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-prives-et-associatifs"],
        "licence": "cc-by-nc-sa-4-0",
        "body": [
            (
                "section",
                "Ce qu'il faut savoir",
                "<p>L'essentiel de l'empreinte du numérique vient de la <b>fabrication des équipements</b>, "
                "bien plus que de leur usage. Garder son téléphone plus longtemps est le geste le plus utile.</p>",
            ),
            (
                "section",
                "Trois gestes à proposer",
                "<ol><li>Faire durer ses appareils et les faire réparer.</li>"
                "<li>Acheter reconditionné.</li><li>Télécharger plutôt que regarder en streaming "
                "ce que l'on revoit souvent.</li></ol>",
            ),
            ("image", "vagues", "Illustration abstraite : vagues claires sur un dégradé sable", ""),
        ],
    },
    {
        "slug": "jeu-de-cartes-les-risques-en-ligne",
        "title": "Jeu de cartes : les risques en ligne",
        "description": "Un jeu de cartes pour parler des arnaques, du harcèlement et des données personnelles. "
        "Retiré le temps d'une mise à jour des exemples.",
        "base": "bretagne",
        "owner": "julien",
        "status": "unpublished",
        "themes": ["risques-cyber-et-protection", "education-aux-medias"],
        "types": ["ressources-pedagogiques"],
        "beneficiaries": ["enfants-mineurs", "parents"],
        "sectors": ["aidants-et-mediateurs-numeriques"],
        "licence": "cc-by-sa-4-0",
        "body": [
            (
                "section",
                "Règles du jeu",
                "<p>Chaque carte décrit une situation. Les joueurs disent ce qu'ils feraient, puis lisent "
                "la réponse au dos.</p>",
            ),
        ],
    },
    {
        "slug": "guide-agent-accueil-orienter-vers-la-mediation",
        "title": "Guide de l'agent d'accueil : orienter un usager vers la médiation numérique",
        "description": "Repérer une difficulté avec le numérique au guichet, en parler sans gêner et orienter "
        "vers le bon lieu : un guide de deux pages pour les agents d'accueil.",
        "base": "clermont",
        "owner": "sophie",
        "cover": "triangles",
        "themes": ["aide-aux-demarches-administratives", "diagnostic-de-competences-numeriques"],
        "types": ["methodologie", "infographie"],
        "beneficiaries": ["tous-publics"],
        "sectors": ["acteurs-publics", "autres-professionnels"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "Repérer une difficulté",
                "<p>Certaines phrases reviennent souvent : « je n'ai pas d'ordinateur », « mon fils s'en "
                "occupe », « je n'ai pas reçu le code ». Ce sont des occasions de proposer un accompagnement.</p>",
            ),
            (
                "section",
                "En parler sans gêner",
                "<ul><li>proposer plutôt que prescrire ;</li><li>parler d'<i>accompagnement</i>, pas de "
                "<i>formation</i> ;</li><li>remettre une adresse et des horaires écrits.</li></ul>",
            ),
            (
                "page",
                "diagnostic-des-competences-numeriques",
                "La grille de diagnostic",
                "Ce que fera le médiateur lors du premier rendez-vous.",
            ),
        ],
    },
    {
        "slug": "parcours-autonomie-numerique-en-6-seances",
        "title": "Parcours « Autonomie numérique » en 6 séances",
        "description": "Le programme du parcours proposé dans les maisons de quartier de la métropole : "
        "objectifs, contenu de chaque séance et évaluation finale.",
        "base": "clermont",
        "owner": "sophie",
        "themes": [
            "maitrise-des-outils-numeriques",
            "aide-aux-demarches-administratives",
            "navigation-sur-internet",
        ],
        "types": ["methodologie", "ressources-pedagogiques"],
        "beneficiaries": ["adultes", "insertion"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-publics"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "Objectifs",
                "<p>À la fin du parcours, la personne sait utiliser sa messagerie, naviguer en sécurité et "
                "réaliser seule une démarche simple.</p>",
            ),
            (
                "section",
                "Les séances",
                "<ol><li>Prendre en main son équipement.</li><li>Naviguer sur Internet.</li>"
                "<li>La messagerie.</li><li>Se protéger en ligne.</li><li>Les démarches administratives.</li>"
                "<li>Bilan et évaluation.</li></ol>",
            ),
            ("image", "grille", "Illustration abstraite : grille de carrés clairs sur un dégradé violet", ""),
            (
                "page",
                "choisir-un-mot-de-passe-solide",
                "Fiche : choisir un mot de passe",
                "Pour la séance 4.",
            ),
        ],
    },
    {
        "slug": "declarer-ses-revenus-en-ligne",
        "title": "Déclarer ses revenus en ligne : pas à pas",
        "description": "Accompagner la déclaration de revenus sur impots.gouv.fr : documents à préparer, "
        "étapes de la déclaration et points de vigilance.",
        "base": "clermont",
        "owner": "sophie",
        "themes": ["aide-aux-demarches-administratives"],
        "types": ["ressources-pedagogiques"],
        "beneficiaries": ["adultes", "seniors"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-publics"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "Documents à préparer",
                "<ul><li>le numéro fiscal (sur le dernier avis d'impôt) ;</li>"
                "<li>le mot de passe du compte ou un accès FranceConnect ;</li>"
                "<li>les justificatifs de revenus de l'année.</li></ul>",
            ),
            (
                "section",
                "Vérifier et signer",
                "<p>Les revenus sont en général préremplis : faites-les vérifier ligne à ligne par la "
                "personne. <b>C'est elle qui valide</b>, jamais l'aidant.</p>",
            ),
            ("url", "https://www.impots.gouv.fr/", "impots.gouv.fr", ""),
            ("page", "utiliser-franceconnect", "Se connecter avec FranceConnect", ""),
        ],
    },
    {
        "slug": "aidants-connect-securiser-l-aide-aux-demarches",
        "title": "Aidants Connect : sécuriser l'aide aux démarches pour le compte d'un usager",
        "description": "Le mandat Aidants Connect protège l'usager et l'aidant lorsqu'une démarche est faite "
        "à sa place. Ce qu'il faut savoir avant d'habiliter une structure.",
        "base": "clermont",
        "owner": "sophie",
        "cover": "grille",
        "themes": ["aide-aux-demarches-administratives", "risques-cyber-et-protection"],
        "types": ["outils-numeriques", "article"],
        "beneficiaries": ["tres-eloignes-du-numerique", "handicap"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-publics", "acteurs-prives-et-associatifs"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "Pourquoi un mandat ?",
                "<p>Sans cadre, l'aidant utilise les identifiants de l'usager, ce qui n'est ni sûr ni légal. "
                "Le mandat fixe les démarches autorisées et sa durée.</p>",
            ),
            (
                "section",
                "Habiliter sa structure",
                "<ol><li>Désigner un référent.</li><li>Former les aidants.</li>"
                "<li>Recevoir les cartes nécessaires à la connexion.</li></ol>",
            ),
            (
                "url",
                "https://aidantsconnect.beta.gouv.fr/",
                "Aidants Connect",
                "Le site du service, avec la procédure d'habilitation.",
            ),
        ],
    },
    {
        "slug": "bilan-des-permanences-numeriques",
        "title": "Bilan des permanences numériques de la métropole",
        "description": "Document de travail interne : fréquentation, démarches les plus demandées et pistes "
        "pour l'année prochaine.",
        "base": "clermont",
        "owner": "sophie",
        "status": "private",
        "themes": ["aide-aux-demarches-administratives", "donnees"],
        "types": ["article"],
        "beneficiaries": [],
        "sectors": ["acteurs-publics"],
        "licence": "sans-licence",
        "body": [
            (
                "section",
                "Fréquentation",
                "<p>Les permanences ont reçu en moyenne <b>35 personnes par semaine</b>, dont une majorité "
                "pour la première fois.</p>",
            ),
            (
                "section",
                "Démarches les plus demandées",
                "<ol><li>Caisse d'allocations familiales.</li><li>Retraite.</li><li>Titres de séjour.</li></ol>",
            ),
        ],
    },
    {
        "slug": "infographie-materiel-reconditionne",
        "title": "Infographie : le matériel reconditionné, pourquoi et où l'acheter",
        "description": "Une infographie à afficher dans les lieux d'accueil pour présenter le matériel "
        "reconditionné : garanties, prix et lieux d'achat solidaires.",
        "base": "clermont",
        "owner": "sophie",
        "cover": "triangles",
        "themes": ["materiel-reconditionne", "sobriete-numerique"],
        "types": ["infographie"],
        "beneficiaries": ["tous-publics"],
        "sectors": ["acteurs-publics", "acteurs-prives-et-associatifs"],
        "licence": "cc-by-sa-4-0",
        "body": [
            (
                "image",
                "triangles",
                "Illustration abstraite : triangles clairs sur un dégradé orange",
                "Visuel",
            ),
            (
                "section",
                "Les messages clés",
                "<ul><li>un appareil reconditionné est <b>testé et garanti</b> au moins un an ;</li>"
                "<li>il coûte en moyenne 30 à 50 % moins cher ;</li>"
                "<li>des structures solidaires proposent des tarifs réduits.</li></ul>",
            ),
            ("page", "atelier-sobriete-mon-empreinte", "L'atelier « Mon empreinte »", ""),
        ],
    },
    {
        "slug": "charte-d-accueil-des-conseillers-numeriques",
        "title": "Charte d'accueil des conseillers numériques",
        "description": "Brouillon de la charte commune aux lieux de médiation de la métropole.",
        "base": "clermont",
        "owner": "sophie",
        "status": "draft",
        "themes": ["gouvernances-partagees"],
        "types": ["methodologie"],
        "beneficiaries": [],
        "sectors": ["acteurs-publics"],
        "licence": "etalab-2-0",
        "body": [("section", "Nos engagements", "<p>À rédiger avec les conseillers numériques.</p>")],
    },
    {
        "slug": "former-des-aidants-benevoles",
        "title": "Former des aidants bénévoles : programme en 4 demi-journées",
        "description": "Le programme de formation des bénévoles de l'association : posture d'aidant, "
        "démarches essentielles, sécurité et limites de l'aide.",
        "base": "connexions",
        "owner": "karim",
        "cover": "points",
        "themes": ["aide-aux-demarches-administratives", "risques-cyber-et-protection"],
        "types": ["methodologie", "ressources-pedagogiques"],
        "beneficiaries": ["adultes"],
        "sectors": ["acteurs-prives-et-associatifs", "aidants-et-mediateurs-numeriques"],
        "licence": "cc-by-sa-4-0",
        "body": [
            (
                "section",
                "La posture d'aidant",
                "<p>Faire <i>avec</i> la personne plutôt que <i>pour</i> elle, respecter son rythme et ses "
                "choix, et savoir passer la main quand la demande dépasse ses compétences.</p>",
            ),
            (
                "section",
                "Le programme",
                "<h3>Demi-journée 1</h3><p>Accueillir et écouter.</p>"
                "<h3>Demi-journée 2</h3><p>Les démarches essentielles : CAF, France Travail, Ameli.</p>"
                "<h3>Demi-journée 3</h3><p>Sécurité et données personnelles.</p>"
                "<h3>Demi-journée 4</h3><p>Mises en situation.</p>",
            ),
            (
                "page",
                "aidants-connect-securiser-l-aide-aux-demarches",
                "Aidants Connect",
                "Pour aller plus loin.",
            ),
        ],
    },
    {
        "slug": "atelier-cv-et-candidature-en-ligne",
        "title": "Atelier CV et candidature en ligne",
        "description": "Rédiger son CV sur ordinateur, l'enregistrer en PDF et répondre à une offre en ligne : "
        "un atelier pour les personnes en recherche d'emploi.",
        "base": "connexions",
        "owner": "karim",
        "themes": ["emploi-et-entrepreneuriat", "maitrise-des-outils-numeriques"],
        "types": ["ressources-pedagogiques"],
        "beneficiaries": ["insertion", "adultes"],
        "sectors": ["acteurs-prives-et-associatifs", "aidants-et-mediateurs-numeriques"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "Rédiger son CV",
                "<ul><li>partir d'un modèle simple, sans colonnes ni tableaux ;</li>"
                "<li>nommer le fichier « CV-Prénom-Nom.pdf » ;</li>"
                "<li>vérifier l'orthographe avec le correcteur.</li></ul>",
            ),
            (
                "section",
                "Répondre à une offre",
                "<ol><li>Créer son espace personnel.</li><li>Joindre le CV en PDF.</li>"
                "<li>Écrire un message court et personnalisé.</li></ol>",
            ),
            (
                "url",
                "https://www.francetravail.fr/",
                "France Travail",
                "Offres d'emploi et espace personnel.",
            ),
        ],
    },
    {
        "slug": "accompagner-les-personnes-allophones",
        "title": "Accompagner les personnes allophones : outils de traduction et pictogrammes",
        "description": "Des outils et des astuces pour accompagner une personne qui ne parle pas ou peu "
        "français : traduction instantanée, pictogrammes, réglage de la langue des appareils.",
        "base": "connexions",
        "owner": "karim",
        "cover": "points",
        "themes": ["accessibilite", "aide-aux-demarches-administratives"],
        "types": ["boite-a-outils", "outils-numeriques"],
        "beneficiaries": ["allophones-refugies"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-prives-et-associatifs"],
        "licence": "cc-by-nc-sa-4-0",
        "body": [
            (
                "section",
                "Traduire pendant l'accompagnement",
                "<p>Les applications de traduction vocale facilitent l'échange. Parlez en phrases courtes "
                "et vérifiez la compréhension en faisant reformuler.</p>",
            ),
            (
                "section",
                "Régler la langue de l'appareil",
                "<p>Passer le téléphone dans la langue de la personne l'aide à être autonome, mais "
                "<b>les sites administratifs restent en français</b> : montrez la traduction du navigateur.</p>",
            ),
            ("image", "points", "Illustration abstraite : points clairs sur un dégradé rouge", ""),
        ],
    },
    {
        "slug": "reperer-une-fausse-information",
        "title": "Éducation aux médias : repérer une fausse information",
        "description": "Un atelier pour adolescents et adultes : vérifier une source, retrouver l'origine "
        "d'une image, reconnaître un contenu généré par une intelligence artificielle.",
        "base": "connexions",
        "owner": "julien",
        "themes": ["education-aux-medias", "intelligence-artificielle", "citoyennete-et-engagement"],
        "types": ["ressources-pedagogiques", "video-webinaire"],
        "beneficiaries": ["enfants-mineurs", "adultes"],
        "sectors": ["aidants-et-mediateurs-numeriques", "autres-professionnels"],
        "licence": "cc-by-sa-4-0",
        "body": [
            (
                "section",
                "Vérifier une source",
                "<ul><li>Qui publie ? Depuis quand ?</li><li>D'autres médias en parlent-ils ?</li>"
                "<li>Le titre correspond-il au contenu de l'article ?</li></ul>",
            ),
            (
                "section",
                "Retrouver l'origine d'une image",
                "<p>La recherche d'image inversée montre où une photo a déjà été publiée. Une photo "
                "ancienne présentée comme récente est un indice fort de manipulation.</p>",
            ),
            (
                "url",
                "https://www.clemi.fr/",
                "Le CLEMI",
                "Les ressources d'éducation aux médias et à l'information.",
            ),
        ],
    },
    {
        "slug": "initier-les-enfants-a-la-programmation",
        "title": "Initier les enfants à la programmation avec Scratch",
        "description": "Trois séances pour créer un petit jeu avec Scratch et découvrir les notions de "
        "boucle, de condition et de variable, dès 8 ans.",
        "base": "connexions",
        "owner": "julien",
        "cover": "grille",
        "themes": ["code-et-programmation", "jeux-videos"],
        "types": ["ressources-pedagogiques"],
        "beneficiaries": ["enfants-mineurs"],
        "sectors": ["acteurs-prives-et-associatifs", "autres-professionnels"],
        "licence": "cc-by-sa-4-0",
        "body": [
            (
                "section",
                "Séance 1 : faire bouger un personnage",
                "<p>Les enfants découvrent l'interface et assemblent leurs premiers blocs : avancer, "
                "tourner, répéter.</p>",
            ),
            (
                "section",
                "Séances 2 et 3 : créer un jeu",
                "<ol><li>Ajouter un décor et un second personnage.</li><li>Compter les points avec une "
                "variable.</li><li>Tester le jeu des autres.</li></ol>",
            ),
            (
                "url",
                "https://scratch.mit.edu/",
                "Scratch",
                "L'éditeur en ligne, gratuit et sans installation.",
            ),
        ],
    },
    {
        "slug": "liste-des-benevoles-et-permanences",
        "title": "Liste des bénévoles et des créneaux de permanence",
        "description": "Document interne de l'association : qui tient quelle permanence, et comment se "
        "faire remplacer.",
        "base": "connexions",
        "owner": "karim",
        "status": "private",
        "themes": ["aide-aux-demarches-administratives"],
        "types": ["annuaire"],
        "beneficiaries": [],
        "sectors": ["acteurs-prives-et-associatifs"],
        "licence": "sans-licence",
        "body": [
            (
                "section",
                "Se faire remplacer",
                "<p>Prévenez le coordinateur au moins <b>48 heures</b> à l'avance et inscrivez-vous sur un "
                "autre créneau du mois.</p>",
            ),
        ],
    },
    {
        "slug": "accueillir-les-publics-en-situation-de-handicap",
        "title": "Accueillir les publics en situation de handicap",
        "description": "Adapter l'accueil et les outils : réglages d'accessibilité des smartphones, lecteurs "
        "d'écran, et bonnes pratiques pour un atelier inclusif.",
        "base": "connexions",
        "owner": "karim",
        "themes": ["accessibilite", "maitrise-des-outils-numeriques"],
        "types": ["boite-a-outils", "methodologie"],
        "beneficiaries": ["handicap", "seniors"],
        "sectors": ["aidants-et-mediateurs-numeriques", "acteurs-prives-et-associatifs", "acteurs-publics"],
        "licence": "etalab-2-0",
        "body": [
            (
                "section",
                "Les réglages d'accessibilité",
                "<ul><li>agrandir le texte et augmenter le contraste ;</li><li>activer le lecteur d'écran ;</li>"
                "<li>utiliser la dictée vocale plutôt que le clavier.</li></ul>",
            ),
            (
                "section",
                "Un atelier inclusif",
                "<p>Demandez à la personne ce dont elle a besoin plutôt que de le supposer. Prévoyez des "
                "supports en gros caractères et un rythme plus lent.</p>",
            ),
        ],
    },
    {
        "slug": "questionnaire-de-satisfaction-des-ateliers",
        "title": "Questionnaire de satisfaction des ateliers",
        "description": "Version interne du questionnaire remis en fin d'atelier, en test avant diffusion.",
        "base": "connexions",
        "owner": "karim",
        "status": "private",
        "themes": ["diagnostic-de-competences-numeriques"],
        "types": ["questionnaire"],
        "beneficiaries": ["tous-publics"],
        "sectors": ["acteurs-prives-et-associatifs"],
        "licence": "cc-by-sa-4-0",
        "body": [
            (
                "section",
                "Les questions",
                "<ol><li>L'atelier a-t-il répondu à vos attentes ?</li>"
                "<li>Qu'allez-vous refaire chez vous ?</li><li>Quel atelier aimeriez-vous suivre ensuite ?</li></ol>",
            ),
        ],
    },
]


def load_demo_resources(resource_index, created: list[str]) -> None:
    """Create the demo users, bases, pictures, documents and resources that are missing."""
    users = _users(resource_index, created)
    images = {spec["key"]: _image(spec, users[spec["owner"]], created) for spec in IMAGES}
    documents = {spec["key"]: _document(spec, users[spec["owner"]], created) for spec in DOCUMENTS}
    parents = {None: resource_index, **load_demo_bases(users, created)}
    for spec in RESOURCES:
        _resource(parents[spec["base"]], spec, users[spec["owner"]], images, documents, created)


def _users(resource_index, created: list[str]) -> dict:
    User = get_user_model()
    contributors = ensure_contributors_group(resource_index)
    users = {}
    for spec in USERS:
        fields = {name: value for name, value in spec.items() if name not in ("key", "email")}
        user = User.objects.filter(email=spec["email"]).first()
        if user is None:
            user = User.objects.create_user(email=spec["email"], password=DEMO_PASSWORD, **fields)
            created.append(f"utilisateur « {user.get_full_name()} »")
        users[spec["key"]] = user
    contributors.user_set.add(*users.values())
    return users


def _image(spec: dict, owner, created: list[str]):
    Image_ = get_image_model()
    image = Image_.objects.filter(title=spec["title"]).first()
    if image is None:
        file = ImageFile(BytesIO(_picture(spec)), name=spec["filename"])
        image = Image_(
            title=spec["title"],
            file=file,
            collection=Collection.get_first_root_node(),
            uploaded_by_user=owner,
        )
        set_file_metadata(image)
        image.save()
        created.append(f"image « {spec['title']} »")
    return image


def _document(spec: dict, owner, created: list[str]):
    Document = get_document_model()
    document = Document.objects.filter(title=spec["title"]).first()
    if document is None:
        file = ContentFile(DOCUMENT_CONTENTS[spec["key"]](), name=spec["filename"])
        document = Document(
            title=spec["title"],
            file=file,
            collection=Collection.get_first_root_node(),
            uploaded_by_user=owner,
        )
        set_file_metadata(document)
        document.save()
        created.append(f"document « {spec['title']} »")
    return document


def _resource(parent, spec: dict, owner, images: dict, documents: dict, created: list[str]) -> None:
    if ResourcePage.objects.child_of(parent).filter(slug=spec["slug"]).exists():
        return
    status = spec.get("status", "public")
    page = parent.add_child(
        instance=ResourcePage(
            title=spec["title"],
            slug=spec["slug"],
            description=spec["description"],
            owner=owner,
            cover_image=images.get(spec.get("cover")),
            body=[block for item in spec["body"] for block in _blocks(item, images, documents)],
            themes=spec["themes"],
            resource_types=spec["types"],
            beneficiaries=spec["beneficiaries"],
            professional_sectors=spec["sectors"],
            is_public=status != "private",
            licence=spec["licence"],
            live=status != "draft",
        )
    )
    revision = page.save_revision(user=owner)
    # The owners act as the demo's authors: Wagtail's permission checks are not the point here.
    if status != "draft":
        revision.publish(user=owner, skip_permission_checks=True)
    if status == "unpublished":
        page.refresh_from_db()
        UnpublishPageAction(page, user=owner).execute(skip_permission_checks=True)
    created.append(f"ressource « {spec['title']} »")


def _blocks(item: tuple, images: dict, documents: dict) -> list[tuple]:
    """One item of a RESOURCES body as StreamField blocks: a list of ``(block type, value)``."""
    kind, *args = item
    if kind == "section":
        return [("section_title", args[0]), ("text", args[1])]
    if kind == "text":
        return [("text", args[0])]
    if kind in ("image", "decorative"):
        alt_text, caption = args[1:] if kind == "image" else ("", args[1])
        value = {"image": images[args[0]], "alt_text": alt_text, "decorative": kind == "decorative"}
        return [("image", {**value, "caption": caption})]
    if kind == "file":
        document, title, caption, preview = args
        value = {"document": documents[document], "title": title, "caption": caption, "show_preview": preview}
        return [("file", value)]
    target, title, caption = args
    url, page = (target, None) if kind == "url" else ("", _demo_resource(target))
    return [("link", {"url": url, "page": page, "title": title, "caption": caption, "show_preview": False})]


def _demo_resource(slug: str) -> ResourcePage:
    """A resource defined earlier in RESOURCES: the first one with that slug, in case a user took it since."""
    return ResourcePage.objects.filter(slug=slug).order_by("pk").first()


def _picture(spec: dict) -> bytes:
    """A left-to-right gradient between two colours, under a pattern of translucent light shapes."""
    start, end = spec["colours"]
    gradient = Image.linear_gradient("L").rotate(90).resize(IMAGE_SIZE)
    picture = Image.composite(
        Image.new("RGB", IMAGE_SIZE, end), Image.new("RGB", IMAGE_SIZE, start), gradient
    )
    # The shapes are drawn on a mask, so that where they overlap they do not get lighter.
    shapes = Image.new("L", IMAGE_SIZE, 0)
    PATTERNS[spec["pattern"]](ImageDraw.Draw(shapes))
    picture = Image.composite(Image.new("RGB", IMAGE_SIZE, "white"), picture, shapes)
    buffer = BytesIO()
    picture.save(buffer, format="PNG" if spec["filename"].endswith(".png") else "JPEG", quality=85)
    return buffer.getvalue()


def _circles(draw) -> None:
    for x, y, radius in ((250, 200, 160), (700, 450, 260), (1050, 150, 110), (450, 560, 90)):
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=LIGHT)


def _stripes(draw) -> None:
    for x in range(-HEIGHT, WIDTH, 160):
        draw.polygon(((x, HEIGHT), (x + 70, HEIGHT), (x + 70 + HEIGHT, 0), (x + HEIGHT, 0)), fill=LIGHT)


def _triangles(draw) -> None:
    for x in range(0, WIDTH, 200):
        for y in range(0, HEIGHT, 225):
            if (x // 200 + y // 225) % 2:
                draw.polygon(((x, y + 200), (x + 100, y + 25), (x + 200, y + 200)), fill=LIGHT)


def _grid(draw) -> None:
    for x in range(60, WIDTH, 150):
        for y in range(60, HEIGHT, 150):
            draw.rectangle((x, y, x + 90, y + 90), outline=110, width=6)


def _waves(draw) -> None:
    for row in range(80, HEIGHT, 110):
        points = [(x, row + 35 * math.sin(x / 90 + row)) for x in range(0, WIDTH + 20, 20)]
        draw.line(points, fill=100, width=14, joint="curve")


def _dots(draw) -> None:
    for x in range(40, WIDTH, 80):
        for y in range(40, HEIGHT, 80):
            radius = 8 + (x + y) % 24
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=LIGHT)


PATTERNS = {
    "circles": _circles,
    "stripes": _stripes,
    "triangles": _triangles,
    "grid": _grid,
    "waves": _waves,
    "dots": _dots,
}


def _pdf() -> bytes:
    """A one-page PDF showing PDF_LINES, written by hand: Helvetica needs no embedded font."""
    lines = [f"({_pdf_string(line)}) Tj 0 -28 Td" for line in PDF_LINES]
    content = ("BT /F1 16 Tf 72 760 Td " + " ".join(lines) + " ET").encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    pdf, offsets = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%EOF\n" % (len(objects) + 1, len(pdf))
    return pdf + b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + xref + trailer


def _pdf_string(text: str) -> str:
    """``text`` as a PDF literal string in WinAnsi: the accents become octal escapes."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return "".join(char if ord(char) < 128 else f"\\{char.encode('cp1252')[0]:03o}" for char in escaped)


DOCUMENT_CONTENTS = {
    "memo-email": _pdf,
    "lieux": lambda: CSV_PLACES.encode("utf-8"),
    "deroule": lambda: TXT_WORKSHOP.encode("utf-8"),
}
