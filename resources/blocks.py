"""The blocks a resource is composed of: exactly the platform's five, each self-describing."""

import copy
import html
import re
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from cms.media import public_media
from cms.page_links import rich_text_page_links, without_rich_text_page_links
from resources.taxonomy import BLOCK_LIMITS

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]
PREVIEWABLE_DOCUMENT_EXTENSIONS = {"pdf", "jpg", "jpeg", "png", "webp", "gif"}


class UseKind(models.TextChoices):
    """What readers do with a link or file block, counted for the resource's editors (resources/block_uses.py);
    the values name the kinds in the beacons' addresses, the labels say them."""

    LINK_CLICK = "clic", "clics"
    FILE_DOWNLOAD = "telechargement", "téléchargements"
    FILE_PREVIEW = "apercu", "aperçus affichés"


SINGULAR = {
    UseKind.LINK_CLICK: "clic",
    UseKind.FILE_DOWNLOAD: "téléchargement",
    UseKind.FILE_PREVIEW: "aperçu affiché",
}


def use_context(context, *kinds) -> dict:
    """The beacon address of each kind of use of the block being rendered, and for the resource's editors
    (the page gives them ``block_uses``) what the counts say. Nothing for a block rendered outside a
    saved resource (a preview of the block in the editor)."""
    page, block_id = context.get("page"), context.get("id")
    if not (block_id and getattr(page, "pk", None)):
        return {}
    counts = context.get("block_uses")
    return {
        "use_urls": {
            kind.name.lower(): reverse("resources:count_block_use", args=[page.pk, block_id, kind.value])
            for kind in kinds
        },
        "use_counts": None
        if counts is None
        else [
            f"{number} {SINGULAR[kind] if number < 2 else kind.label}"
            for kind in kinds
            for number in [counts.get(block_id, {}).get(kind.value, 0)]
        ],
    }


def section_anchor(title: str) -> str:
    """The anchor of a section: derived from its title, so it does not change between saves."""
    words = re.sub(r"['\u2019]", " ", title)  # "l'atelier" reads as two words: l-atelier
    return f"section-{slugify(words)}".rstrip("-")


def sections(body) -> list[tuple[str, str, str]]:
    """``(block id, anchor, title)`` of each section title, anchors made unique by a counter."""
    seen: dict[str, int] = {}
    result = []
    for child in body:
        if child.block_type == "section_title":
            anchor = section_anchor(child.value)
            seen[anchor] = seen.get(anchor, 0) + 1
            result.append(
                (child.id, anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}", child.value)
            )
    return result


def page_links(body) -> dict[int, set[int]]:
    """The ids of the pages each block of ``body`` links to, by position: a link block's page, the
    page links of a text. Read from the stored form of the blocks, so that no page is fetched."""
    links = {}
    for position, child in enumerate(body.raw_data):
        if child["type"] == "link" and child["value"].get("page"):
            links[position] = {int(child["value"]["page"])}
        elif child["type"] == "text" and (pages := rich_text_page_links(child["value"])):
            links[position] = pages
    return links


def without_links_to(body, page_ids: set[int]):
    """``body`` with its links to these pages taken out: a link block loses its page, a text keeps
    the words of the link."""
    children = []
    for child in body:
        value = child.value
        if child.block_type == "link" and value["page"] is not None and value["page"].pk in page_ids:
            value = type(value)(
                value.block, [(name, None if name == "page" else v) for name, v in value.items()]
            )
        elif child.block_type == "text":
            value = RichText(without_rich_text_page_links(value.source, page_ids))
        children.append((child.block_type, value, child.id))
    return type(body)(body.stream_block, children)


class SectionTitleBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=BLOCK_LIMITS["section_title_max"], **kwargs)
        # A block of the body shows its label as its panel's heading, not as a <label> of its input
        # (Wagtail 8.0): the input is named by the same words.
        self.field.widget.attrs["aria-label"] = self.label

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        anchors = context.get("section_anchors", {})
        context["anchor"] = anchors.get(context.get("id")) or section_anchor(value)
        return context

    class Meta:
        icon = "title"
        label = "Titre de section"
        description = "Un titre qui découpe la ressource en parties et apparaît dans son sommaire."
        preview_value = "Préparer l'atelier"
        template = "resources/blocks/section_title.html"
        form_classname = "title"


class TextBlock(blocks.RichTextBlock):
    """Optional: a new resource opens on an empty one, which a resource without text leaves as it is;
    the body does not keep it (``ResourceBodyBlock.clean``)."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, required=False, **kwargs)

    @cached_property
    def field(self):
        field = super().field
        # Draftail's editable area has no accessible name as a block of the body (Wagtail 8.0): its
        # options, which it passes on to the editor, give it the block's label.
        field.widget.options["ariaLabel"] = self.label
        return field

    @staticmethod
    def is_empty(value: RichText) -> bool:
        return not html.unescape(strip_tags(value.source)).strip()

    class Meta:
        icon = "pilcrow"
        label = "Texte"
        description = "Du texte mis en forme : intertitres, gras, italique, listes et liens."
        preview_value = (
            "<p>Accueillez les participants et présentez le déroulé de l'atelier.</p>"
            "<ul><li>Durée : 2 heures</li><li>Groupe de 6 à 8 personnes</li></ul>"
        )
        template = "resources/blocks/text.html"


def _limited_text(label: str, limit: str, *, required: bool = False, help_text: str = "") -> blocks.CharBlock:
    return blocks.CharBlock(
        label=label, required=required, max_length=BLOCK_LIMITS[limit], help_text=help_text
    )


class PostedIdChecked:
    """A chooser block that takes a posted id naming no object of its model as no choice: Wagtail 8.0's
    ``ChooserBlock.value_from_form`` looks the id up as posted and lets a word or a number out of range
    raise (a 500) where it catches only a missing object. No choice is then what the field refuses when
    it is required, or what ``LinkBlock`` asks to complete, in French, and nothing is saved."""

    def value_from_form(self, value):
        try:
            return super().value_from_form(value)
        except (ValueError, TypeError, ValidationError):
            return None

    def bulk_to_python(self, values):
        if _no_choice(values):
            return [None] * len(values)
        return super().bulk_to_python(values)


def _no_choice(values) -> bool:
    """No block of a body chose an object (a link to a web address leaves its page empty): nothing to
    look up, where ``in_bulk([None])`` would still query (each render, search and reference index of
    the body)."""
    return all(value is None for value in values)


class ImageWithRenditionsChooserBlock(PostedIdChecked, ImageChooserBlock):
    """Loads the images of a body with their renditions in one query: the renditions joined to their
    image; only images without any rendition yet cost a second query."""

    def bulk_to_python(self, values):
        if _no_choice(values):
            return [None] * len(values)
        images = {}
        renditions = self.model_class.get_rendition_model().objects.select_related("image")
        for rendition in renditions.filter(image_id__in=values):
            image = images.setdefault(rendition.image_id, rendition.image)
            image.__dict__.setdefault("prefetched_renditions", []).append(rendition)
        missing = set(values) - set(images) - {None}
        if missing:
            images |= self.model_class.objects.in_bulk(missing)
            for image_id in missing & set(images):
                images[image_id].prefetched_renditions = []
        return [copy.copy(images.get(image_id)) for image_id in values]


class CheckedDocumentChooserBlock(PostedIdChecked, DocumentChooserBlock):
    pass


class CheckedPageChooserBlock(PostedIdChecked, blocks.PageChooserBlock):
    pass


class ImageBlock(blocks.StructBlock):
    image = ImageWithRenditionsChooserBlock(label="Image", help_text="JPEG, PNG ou WebP, 10 Mo au plus.")
    alt_text = _limited_text(
        "Texte alternatif",
        "alt_text_max",
        help_text="Ce que l'image apporte à qui ne la voit pas. Obligatoire sauf si l'image est décorative.",
    )
    decorative = blocks.BooleanBlock(
        label="Image décorative", required=False, help_text="Elle n'apporte aucune information."
    )
    caption = _limited_text("Légende", "caption_max")

    def get_preview_value(self):
        """The latest public image (one a public page shows), so that the preview in the block chooser
        shows a real one: any other might belong to a private base."""
        return self.normalize(
            {
                "image": public_media(get_image_model()).order_by("-created_at").first(),
                "alt_text": "Des participants en atelier numérique",
                "caption": "Atelier de prise en main d'une tablette.",
            }
        )

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation and not value["decorative"] and not value["alt_text"].strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Décrivez l'image en texte alternatif ou cochez « Image décorative »."
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = "Image"
        description = "Une image avec son texte alternatif et une légende."
        template = "resources/blocks/image.html"


class FileBlock(blocks.StructBlock):
    document = CheckedDocumentChooserBlock(label="Fichier", help_text="Tout format, 100 Mo au plus.")
    title = _limited_text("Titre", "block_title_max", help_text="Par défaut, le titre du document.")
    caption = _limited_text("Légende", "caption_max")
    show_preview = blocks.BooleanBlock(
        label="Afficher un aperçu", required=False, help_text="Pour les fichiers PDF et les images."
    )

    def get_preview_value(self):
        """The latest public document: the preview shows its address, which names its file."""
        return self.normalize(
            {
                "document": public_media(get_document_model()).order_by("-created_at").first(),
                "title": "Support de l'atelier",
                "caption": "À imprimer pour chaque participant.",
                "show_preview": False,
            }
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        document = value["document"]
        context["title"] = value["title"] or (document.title if document else "")
        context["extension"] = document.file_extension.lower() if document else ""
        context["preview"] = value["show_preview"] and context["extension"] in PREVIEWABLE_DOCUMENT_EXTENSIONS
        kinds = (
            [UseKind.FILE_DOWNLOAD, UseKind.FILE_PREVIEW] if context["preview"] else [UseKind.FILE_DOWNLOAD]
        )
        context.update(use_context(context, *kinds))
        return context

    class Meta:
        icon = "doc-full"
        label = "Fichier"
        description = "Un fichier à télécharger, avec son format, sa taille et un aperçu facultatif."
        template = "resources/blocks/file.html"


class LinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label="Adresse web", required=False, help_text="Un lien vers un autre site…")
    page = CheckedPageChooserBlock(
        label="Page du site", required=False, help_text="… ou vers une page des Bases."
    )
    title = _limited_text("Titre", "block_title_max", required=True)
    caption = _limited_text("Légende", "caption_max")
    show_preview = blocks.BooleanBlock(
        label="Afficher un aperçu",
        required=False,
        help_text="Titre, description et image de la page liée, récupérés automatiquement.",
    )

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation and bool(value["url"]) == bool(value["page"]):
            message = "Indiquez soit une adresse web, soit une page du site."
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(message), "page": ValidationError(message)}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value["page"]
        context["href"] = value["url"] or (page.get_url(request=context.get("request")) if page else "")
        previews = context.get("link_previews", {})
        context["preview"] = value["show_preview"] and value["url"] and previews.get(value["url"])
        context.update(use_context(context, UseKind.LINK_CLICK))
        return context

    class Meta:
        icon = "link"
        label = "Lien"
        description = "Un lien vers un site ou une page, avec un aperçu facultatif."
        preview_value = {
            "url": "https://www.service-public.fr/",
            "page": None,
            "title": "Service Public",
            "caption": "Le site officiel de l'administration française.",
            "show_preview": False,
        }
        template = "resources/blocks/link.html"


class ResourceBodyBlock(blocks.StreamBlock):
    section_title = SectionTitleBlock()
    text = TextBlock()
    image = ImageBlock()
    file = FileBlock()
    link = LinkBlock()

    def new_resource_value(self) -> blocks.StreamValue:
        """What the editor of a new resource starts from: a text block, ready for its text."""
        return self.to_python([{"type": "text", "value": "", "id": str(uuid.uuid4())}])

    def clean(self, value):
        # After the blocks' own cleaning, whose errors name the blocks by their place in the form.
        cleaned = super().clean(value)
        kept = [
            (child.block_type, child.value, child.id)
            for child in cleaned
            if not (child.block_type == "text" and TextBlock.is_empty(child.value))
        ]
        return blocks.StreamValue(self, kept)
