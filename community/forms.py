"""The forms of the community: a collection, where to save a resource, and one's profile."""

from django import forms
from dsfr.forms import DsfrBaseForm

from accounts.models import User
from bases.models import BasePage
from cms.forms import DsfrFormMixin
from cms.uploads import check_picture, dsfr_picture_input
from community.models import Collection


class CollectionForm(DsfrFormMixin, forms.ModelForm):
    """A collection's title, description, image and visibility; on creation, who owns it: the user's
    profile or one of their bases."""

    base = forms.ModelChoiceField(
        label="Propriétaire",
        queryset=None,
        required=False,
        empty_label="Mon profil",
        help_text="Une collection d'une base peut être modifiée par tous ses membres.",
    )

    class Meta:
        model = Collection
        fields = ["base", "title", "description", "image", "is_public"]
        widgets = {"description": forms.Textarea({"rows": 4})}
        help_texts = {
            "title": "100 caractères au plus.",
            "description": "560 caractères au plus.",
            "image": "Formats JPEG, PNG ou WebP, 5 Mo au plus.",
            "is_public": "Décochée, la collection n'est visible que par vous (ou les membres de sa base).",
        }
        error_messages = {"title": {"required": "Donnez un titre à la collection."}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["base"]  # a collection keeps its owner
        else:
            bases = BasePage.objects.filter(memberships__user=user).order_by("title")
            self.fields["base"].queryset = bases
            if not bases.exists():
                # Still validated: a forged base is refused rather than ignored.
                self.fields["base"].widget = forms.HiddenInput()
        dsfr_picture_input(self.fields["image"])

    def clean_image(self):
        return check_picture(
            self.cleaned_data.get("image"),
            "L'image doit être au format JPEG, PNG ou WebP.",
            "L'image ne doit pas dépasser 5 Mo.",
        )


class CollectionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, collection):
        if collection.base_id:
            return f"{collection.title} (base {collection.base.title})"
        return collection.title


class SaveForm(DsfrBaseForm):
    """Where a resource is saved: any of the collections the user manages, and maybe a new one."""

    collections = CollectionChoiceField(
        label="Vos collections",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cochez les collections où enregistrer la ressource, décochez celles d'où la retirer.",
    )
    new_collection = forms.CharField(
        label="Nouvelle collection",
        max_length=100,
        required=False,
        help_text="Donnez-lui un titre pour la créer et y enregistrer la ressource. Elle sera privée.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collections"].queryset = (
            Collection.objects.managed_by(user)
            .select_related("base")
            .order_by("base", "-is_favorites", "title")
        )


class ProfileForm(DsfrFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "job_title",
            "location",
            "department",
            "description",
            "avatar",
            "email_is_public",
            "website",
            "facebook",
            "twitter",
            "linkedin",
            "is_public",
        ]
        labels = {"first_name": "Prénom", "last_name": "Nom"}
        widgets = {"description": forms.Textarea({"rows": 4})}
        help_texts = {
            "avatar": "Formats JPEG, PNG ou WebP, 5 Mo au plus.",
            "description": "560 caractères au plus.",
            "job_title": "Par exemple : conseillère numérique. 100 caractères au plus.",
            "location": "Par exemple : la ville ou la structure où vous travaillez. 100 caractères au plus.",
            "website": "Adresse complète, commençant par https://",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = self.fields["last_name"].required = True
        self.fields["department"].choices = [
            ("", "Choisir un département"),
            *self.fields["department"].choices[1:],
        ]
        dsfr_picture_input(self.fields["avatar"])

    def clean_avatar(self):
        return check_picture(
            self.cleaned_data.get("avatar"),
            "La photo doit être une image JPEG, PNG ou WebP.",
            "La photo ne doit pas dépasser 5 Mo.",
        )
