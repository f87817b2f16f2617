from django.core.exceptions import ValidationError
from django.forms import BoundField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from cms.media import refuse_foreign_media
from cms.page_permissions import unchoosable_pages
from cms.visibility import EVERYONE
from resources.blocks import page_links, without_links_to
from resources.taxonomy import FIELD_LIMITS

TITLE_MAX = FIELD_LIMITS["resource_title_max"]
# What ``ResourcePage.publication_errors`` reads.
PUBLICATION_FIELDS = ("is_public", "themes", "resource_types", "professional_sectors")
UNCHOOSABLE_PAGE = "Choisissez une page publique du site ou une page que vous pouvez modifier."
UNCHOOSABLE_PAGE_IN_TEXT = (
    "Ce texte contenait un lien vers une page que vous ne pouvez pas choisir : il a été retiré. "
    "Liez une page publique du site ou une page que vous pouvez modifier."
)


class BodyBoundField(BoundField):
    """The body as the form shows it again after an error: without the links to pages that the user
    may not choose, whose title and address the choosers would otherwise display."""

    def value(self):
        value = super().value()
        if self.form.unchoosable_pages and value is not None:
            return without_links_to(value, self.form.unchoosable_pages)
        return value


class ResourcePageForm(WagtailAdminPageForm):
    """Limits and the user's right to the chosen files always; the publication rules only when
    publishing (Wagtail defers them for drafts)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unchoosable_pages: set[int] = set()
        if "body" in self.fields:
            self.fields["body"].bound_field_class = BodyBoundField

    def clean(self):
        cleaned_data = super().clean()
        if len(cleaned_data.get("title") or "") > TITLE_MAX:
            self.add_error("title", f"Le titre ne doit pas dépasser {TITLE_MAX} caractères.")
        refuse_foreign_media(self, fields=("cover_image",), stream_fields=("body",))
        if cleaned_data.get("body") is not None:
            self._refuse_unchoosable_pages(cleaned_data["body"])
        if not self.is_deferred_validation:
            # The resource as it would be published, read from the form rather than from the instance,
            # which the form updates only after cleaning.
            candidate = self._meta.model(**{field: cleaned_data.get(field) for field in PUBLICATION_FIELDS})
            for field, message in candidate.publication_errors(self.parent_page).items():
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned_data

    def _refuse_unchoosable_pages(self, body) -> None:
        """A link goes to a page the user may choose, or one the resource already linked to: an id
        typed into the form must not publish a private page's address."""
        links = page_links(body)
        if not links:
            return
        already_linked = set().union(*page_links(self.instance.body).values())
        to_check = set().union(*links.values()) - already_linked
        self.unchoosable_pages = unchoosable_pages(self.for_user or EVERYONE, to_check)
        block_errors = {}
        for position, pages in links.items():
            if not pages & self.unchoosable_pages:
                continue
            if body[position].block_type == "link":
                block_errors[position] = StructBlockValidationError(
                    block_errors={"page": ValidationError(UNCHOOSABLE_PAGE)}
                )
            else:
                block_errors[position] = ValidationError(UNCHOOSABLE_PAGE_IN_TEXT)
        if block_errors:
            self.add_error("body", StreamBlockValidationError(block_errors=block_errors))
