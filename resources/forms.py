from django.core.exceptions import ValidationError
from django.forms import BoundField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.models import Page

from cms.media import refuse_foreign_media
from cms.page_permissions import unchoosable_pages
from cms.slugs import check_not_reserved, free_slug
from cms.visibility import EVERYONE
from resources.blocks import page_links, without_links_to
from resources.taxonomy import FIELD_LIMITS

TITLE_MAX = FIELD_LIMITS["resource_title_max"]
SLUG_FALLBACK = "ressource"
SCHEDULE_FIELDS = ("go_live_at", "expire_at")
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
    publishing (Wagtail defers them for drafts). The address is never an error to fix: it follows the
    title until the first publication and is made free among the resource's siblings."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unchoosable_pages: set[int] = set()
        if "body" in self.fields:
            self.fields["body"].bound_field_class = BodyBoundField
        if "body" in self.fields and not self.is_bound and self.instance.pk is None:
            self.initial["body"] = self.fields["body"].block.new_resource_value()
        if "slug" in self.fields:
            # Left empty, it is made from the title.
            self.fields["slug"].required = False
        if not self._may_publish():
            # A schedule takes effect only when someone who may publish publishes it.
            for field in SCHEDULE_FIELDS:
                self.fields.pop(field, None)

    @property
    def show_schedule_publishing_toggle(self):
        # Wagtail's reads the form class, whose fields every user's form starts from.
        return "go_live_at" in self.fields

    def _may_publish(self) -> bool:
        if self.for_user is None:
            return True
        if self.instance.pk:
            return self.instance.permissions_for_user(self.for_user).can_publish()
        return self.parent_page.permissions_for_user(self.for_user).can_publish_subpage()

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug:
            # Typed by a platform admin (the only ones shown it): a word the site routes under this
            # parent is refused rather than numbered, so that they see why.
            check_not_reserved(self.parent_page, slug)
        siblings = Page.objects.child_of(self.parent_page).exclude(pk=self.instance.pk)
        if slug and not siblings.filter(slug=slug).exists():
            return slug
        return free_slug(
            self.parent_page,
            slug or self.cleaned_data.get("title", ""),
            self.instance,
            fallback=SLUG_FALLBACK,
        )

    def clean(self):
        cleaned_data = super().clean()
        if len(cleaned_data.get("title") or "") > TITLE_MAX:
            self.add_error("title", f"Le titre ne doit pas dépasser {TITLE_MAX} caractères.")
        if "slug" not in self.fields and cleaned_data.get("title") and not self.instance.first_published_at:
            # The form leaves the slug alone when it does not show it: the page gets it directly.
            self.instance.slug = free_slug(
                self.parent_page, cleaned_data["title"], self.instance, fallback=SLUG_FALLBACK
            )
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
