"""The steps of the feed's onboarding, and the preferences page that gathers them."""

from django import forms
from django.db.models import Count

from bases.models import BasePage
from cms.forms import DsfrFormMixin
from cms.visibility import EVERYONE
from community.models import FeedPreferences

SUGGESTED_BASES = 12


class ThemesForm(DsfrFormMixin, forms.ModelForm):
    class Meta:
        model = FeedPreferences
        fields = ["themes"]


class SectorsForm(DsfrFormMixin, forms.ModelForm):
    class Meta:
        model = FeedPreferences
        fields = ["professional_sectors"]


class DigestForm(DsfrFormMixin, forms.ModelForm):
    class Meta:
        model = FeedPreferences
        fields = ["monthly_digest"]


class PreferencesForm(DsfrFormMixin, forms.ModelForm):
    class Meta:
        model = FeedPreferences
        fields = ["themes", "professional_sectors", "monthly_digest"]


def popular_public_bases():
    """The public bases most followed, to suggest: only bases that every visitor may read."""
    return (
        BasePage.objects.visible_to(EVERYONE)
        .annotate(followers_count=Count("follows"))
        .order_by("-followers_count", "title")[:SUGGESTED_BASES]
    )


class BasesForm(DsfrFormMixin, forms.Form):
    """Which of the suggested bases to follow; an id that is not one of them is refused."""

    bases = forms.MultipleChoiceField(
        label="Bases à suivre",
        help_text="Les bases les plus suivies. Vous verrez leurs nouvelles ressources dans votre fil.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, instance: FeedPreferences, **kwargs):
        self.preferences = instance
        self.suggestions = {str(base.pk): base for base in popular_public_bases()}
        followed = set(
            instance.user.followed_bases.filter(base__in=[*self.suggestions]).values_list("base", flat=True)
        )
        super().__init__(*args, initial={"bases": [str(pk) for pk in followed]}, **kwargs)
        self.fields["bases"].choices = [
            (pk, f"{base.title} ({base.followers_count} abonné{'s' if base.followers_count > 1 else ''})")
            for pk, base in self.suggestions.items()
        ]

    def chosen_and_left(self) -> tuple[list[BasePage], list[BasePage]]:
        """The suggested bases the reader ticked, and those they did not."""
        chosen = set(self.cleaned_data["bases"])
        return (
            [base for pk, base in self.suggestions.items() if pk in chosen],
            [base for pk, base in self.suggestions.items() if pk not in chosen],
        )
