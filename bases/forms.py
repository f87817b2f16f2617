import html as html_module
import re

from django import forms
from django.forms import BoundField
from django.utils.html import linebreaks
from dsfr.forms import DsfrBaseForm
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel

from bases.roles import Role
from cms.links import WebLinks
from cms.media import refuse_foreign_media
from cms.page_links import rich_text_page_links, without_rich_text_page_links
from cms.page_permissions import unchoosable_pages
from cms.reference import department_choices
from cms.slugs import check_not_reserved
from cms.uploads import check_picture, dsfr_picture_input
from cms.visibility import EVERYONE
from resources.taxonomy import FIELD_LIMITS

TITLE_MAX = FIELD_LIMITS["base_title_max"]
DESCRIPTION_MAX = 2000
URL_HELP = "Format attendu : https://exemple.fr"
UNCHOOSABLE_PAGE_IN_DESCRIPTION = (
    "La description contenait un lien vers une page que vous ne pouvez pas choisir : il a été retiré. "
    "Liez une page publique du site ou une page que vous pouvez modifier."
)


class DescriptionBoundField(BoundField):
    """The description shown again after an error, without the links to pages the user may not
    choose: the editor would display their address."""

    def value(self):
        value = super().value()
        if self.form.unchoosable_pages and value:
            return without_rich_text_page_links(value, self.form.unchoosable_pages)
        return value


class BasePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unchoosable_pages: set[int] = set()
        if "description" in self.fields:
            self.fields["description"].bound_field_class = DescriptionBoundField

    @property
    def featuring_base(self):
        """The base whose featured collections the child forms choose (``FeaturedCollectionsPanel``)."""
        return self.instance

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        check_not_reserved(self.parent_page, slug)  # « creer » under /bases/
        return slug

    def clean(self):
        cleaned_data = super().clean()
        if len(cleaned_data.get("title") or "") > TITLE_MAX:
            self.add_error("title", f"Le nom de la base ne doit pas dépasser {TITLE_MAX} caractères.")
        refuse_foreign_media(self, fields=("logo", "cover_image"))
        if cleaned_data.get("description"):
            # As in a resource: links go to pages the editor may choose, or were there already.
            linked = rich_text_page_links(cleaned_data["description"])
            linked -= rich_text_page_links(self.instance.description or "")
            self.unchoosable_pages = unchoosable_pages(self.for_user or EVERYONE, linked)
            if self.unchoosable_pages:
                self.add_error("description", UNCHOOSABLE_PAGE_IN_DESCRIPTION)
        return cleaned_data


class FeaturedCollectionsPanel(InlinePanel):
    """Its forms are the featured item's own (its model's ``base_form_class``: community owns the
    featured collections and the rule of what a base may put forward), told the user and the base."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(
            form=self.db_field.related_model.base_form_class, inherit_kwargs=["for_user", "featuring_base"]
        )
        return options


def description_field(help_text: str, rows: int) -> forms.CharField:
    """The description as paragraphs of text (``BaseFieldsForm.description_html``)."""
    return forms.CharField(
        label="Description",
        required=False,
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class BaseFieldsForm(DsfrBaseForm):
    """The information a base gives about itself, as the site asks for it: at its creation
    (``BaseCreationForm``) and from « Gérer la base » (``BaseInformationForm``). Each declares its
    ``description`` with ``description_field``, saying how to write it there."""

    field_order = ["title", "description"]

    title = forms.CharField(label="Nom de la base", max_length=TITLE_MAX)
    department = forms.ChoiceField(
        label="Département", required=False, choices=[("", "—"), *department_choices()]
    )
    contact_email = forms.EmailField(
        label="Adresse e-mail de contact", help_text="Format attendu : nom@domaine.fr"
    )
    email_is_public = forms.BooleanField(label="Afficher cette adresse sur la base", required=False)
    website = forms.URLField(label="Site internet", required=False, assume_scheme="https", help_text=URL_HELP)

    def description_html(self) -> str:
        """The description typed as paragraphs of text, as the HTML the base page stores."""
        text = self.cleaned_data["description"]
        return linebreaks(text, autoescape=True) if text else ""


class BaseCreationForm(BaseFieldsForm):
    description = description_field(
        "Qui vous êtes, ce que la base partage. Vous pourrez la mettre en forme ensuite.", rows=5
    )

    is_public = forms.TypedChoiceField(
        label="Visibilité de la base",
        choices=[("1", "Publique : visible par tous"), ("0", "Privée : visible par ses seuls membres")],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )

    def base_fields_values(self) -> dict:
        return {**self.cleaned_data, "description": self.description_html()}


class InvitationForm(DsfrBaseForm):
    email = forms.EmailField(
        label="Adresse e-mail de la personne à inviter", help_text="Format attendu : nom@domaine.fr"
    )
    role = forms.ChoiceField(label="Rôle", choices=Role.choices, initial=Role.MEMBER)


class RoleForm(DsfrBaseForm):
    role = forms.ChoiceField(label="Rôle", choices=Role.choices)


class AnswerForm(forms.Form):
    accept = forms.TypedChoiceField(
        choices=[("1", "Accepter"), ("0", "Refuser")], coerce=lambda value: value == "1"
    )


def description_as_text(html: str) -> str | None:
    """The description as the paragraphs of text the site's form edits, or None when it holds more
    (lists, bold, links: the admin's editor keeps those)."""
    text = re.sub(r"</p>\s*<p>", "\n\n", html.strip())
    text = re.sub(r"^<p>|</p>$", "", text).replace("<br/>", "\n").replace("<br>", "\n")
    if "<" in text:
        return None
    return html_module.unescape(text)


class BaseInformationForm(BaseFieldsForm):
    """What a base's admins change from its page; the rest (highlights, search engines) is in the admin."""

    description = description_field(
        "Qui vous êtes, ce que la base partage. Laissez une ligne vide entre deux paragraphes.", rows=6
    )

    facebook = forms.URLField(label="Facebook", required=False, assume_scheme="https", help_text=URL_HELP)
    twitter = forms.URLField(label="X (Twitter)", required=False, assume_scheme="https", help_text=URL_HELP)
    linkedin = forms.URLField(label="LinkedIn", required=False, assume_scheme="https", help_text=URL_HELP)
    logo = forms.ImageField(
        label="Nouveau logo",
        required=False,
        help_text="Formats JPEG, PNG ou WebP, 5 Mo au plus. Carré de préférence.",
    )
    remove_logo = forms.BooleanField(label="Retirer le logo actuel", required=False)
    cover_image = forms.ImageField(
        label="Nouvelle image de couverture",
        required=False,
        help_text="Formats JPEG, PNG ou WebP, 5 Mo au plus. Format paysage, au moins 1200 pixels de large sur 300 de haut.",
    )
    remove_cover_image = forms.BooleanField(label="Retirer l'image de couverture actuelle", required=False)

    TEXT_FIELDS = ["title", "department", "contact_email", "email_is_public", *WebLinks.LINK_FIELDS]

    def __init__(self, *args, base, **kwargs):
        self.base = base
        self.description_text = description_as_text(base.description or "")
        initial = {name: getattr(base, name) for name in self.TEXT_FIELDS}
        initial["description"] = self.description_text
        super().__init__(*args, initial=initial, **kwargs)
        if self.description_text is None:
            # Formatted in the admin's editor: edited there, so that its lists and links are kept.
            del self.fields["description"]
        for name in ("logo", "cover_image"):
            dsfr_picture_input(self.fields[name])
            if not getattr(base, f"{name}_id"):
                del self.fields[f"remove_{name}"]

    def clean_logo(self):
        return self._picture("logo")

    def clean_cover_image(self):
        return self._picture("cover_image")

    def _picture(self, name):
        return check_picture(
            self.cleaned_data.get(name),
            "L'image doit être au format JPEG, PNG ou WebP.",
            "L'image ne doit pas dépasser 5 Mo.",
        )

    def values(self) -> dict:
        """The base's new field values; a new picture as its uploaded file, a removed one as None."""
        data = self.cleaned_data
        values = {name: data[name] for name in self.TEXT_FIELDS}
        if "description" in self.fields:
            values["description"] = self.description_html()
        for name in ("logo", "cover_image"):
            if data.get(name):
                values[name] = data[name]
            elif data.get(f"remove_{name}"):
                values[name] = None
        return values


class VisibilityForm(forms.Form):
    """The visibility asked for, said explicitly: sending the confirmation twice does not switch back."""

    is_public = forms.TypedChoiceField(
        choices=[("1", "publique"), ("0", "privée")], coerce=lambda value: value == "1"
    )
