"""Where a user may publish a new resource: the places « Publier une ressource » offers."""

from django import forms
from django.urls import reverse
from dsfr.forms import DsfrBaseForm
from wagtail.models import Page
from wagtail.permissions import policy_registry

from resources.models import ResourceIndexPage, ResourcePage

PERSONAL_PLACE_LABEL = "Mon profil"


def publication_places(user) -> list[Page]:
    """The pages a new resource may go under for ``user``, as Wagtail's page permissions decide
    (``can_add_subpage``, our testers included): ``/ressources/`` (a personal resource) first, then
    their bases by title. Three queries whatever the number of bases: the user's page permissions,
    the candidate pages, their specific rows."""
    if not user.is_authenticated:
        return []
    candidates = (
        policy_registry.get_by_type(Page)
        .instances_user_has_permission_for(user, "add")
        .type(*ResourcePage.allowed_parent_page_models())
        .specific()
        .order_by("title", "pk")
    )
    places = [
        page
        for page in candidates
        if ResourcePage.can_create_at(page) and page.permissions_for_user(user).can_add_subpage()
    ]
    return sorted(places, key=lambda page: not isinstance(page, ResourceIndexPage))


def place_label(page: Page) -> str:
    return PERSONAL_PLACE_LABEL if isinstance(page, ResourceIndexPage) else page.title


def new_resource_url(parent: Page) -> str:
    """Wagtail's editor for a new resource under ``parent``."""
    return reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", parent.pk))


class PublicationPlaceForm(DsfrBaseForm):
    """The choice among ``publication_places``: any other id is refused, whatever it names."""

    place = forms.TypedChoiceField(
        label="Où publier la ressource ?",
        coerce=int,
        widget=forms.RadioSelect,
        help_text=(
            "Sur votre profil, la ressource est publiée à votre nom. Dans une base, elle est publiée "
            "au nom de la base, selon ses règles de validation."
        ),
        error_messages={
            "required": "Choisissez où publier la ressource.",
            "invalid_choice": (
                "Vous ne pouvez pas publier de ressource à cet endroit : choisissez l'un des endroits proposés."
            ),
        },
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.places = {page.pk: page for page in places}
        self.fields["place"].choices = [(page.pk, place_label(page)) for page in places]

    def clean_place(self) -> Page:
        return self.places[self.cleaned_data["place"]]
