"""The forms of ratings, replies and reports, with their messages in French."""

from django import forms
from dsfr.forms import DsfrBaseForm
from dsfr.widgets import InlineRadioSelect

from resources import taxonomy

TEXT_MAX = 2000


class RatingForm(DsfrBaseForm):
    value = forms.TypedChoiceField(
        label=taxonomy.FEEDBACK["question"],
        choices=taxonomy.RATING_CHOICES,
        coerce=int,
        widget=InlineRadioSelect,
        error_messages={
            "required": "Choisissez une réponse : Non, Moyen, Oui ou Beaucoup.",
            "invalid_choice": "Choisissez une des réponses proposées : Non, Moyen, Oui ou Beaucoup.",
        },
    )
    comment = forms.CharField(
        label="Commentaire",
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ce qui vous a été utile, ce qui manque.",
        error_messages={"max_length": f"Le commentaire ne doit pas dépasser {TEXT_MAX} caractères."},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "recommandation-%s")
        super().__init__(*args, **kwargs)


class ReplyForm(DsfrBaseForm):
    text = forms.CharField(
        label="Votre réponse",
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Écrivez votre réponse avant de l'envoyer.",
            "max_length": f"La réponse ne doit pas dépasser {TEXT_MAX} caractères.",
        },
    )


class ReportForm(DsfrBaseForm):
    reason = forms.ChoiceField(
        label="Motif du signalement",
        choices=taxonomy.REPORT_REASON_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez le motif du signalement.",
            "invalid_choice": "Choisissez un des motifs proposés.",
        },
    )
    description = forms.CharField(
        label="Description",
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Expliquez ce qui pose problème, pour aider l'équipe de modération.",
        error_messages={
            "required": "Décrivez le problème : l'équipe de modération en a besoin pour traiter le signalement.",
            "max_length": f"La description ne doit pas dépasser {TEXT_MAX} caractères.",
        },
    )
