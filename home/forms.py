from django import forms
from dsfr.widgets import InlineRadioSelect

from cms.forms import DsfrFormMixin
from home.models import SiteFeedback


class SiteFeedbackForm(DsfrFormMixin, forms.ModelForm):
    class Meta:
        model = SiteFeedback
        fields = ["rating", "difficulty", "comment", "contact_email"]
        labels = {
            "rating": "Quelle note donneriez-vous aux Bases, de 0 (pas du tout satisfait) à 10 (très satisfait) ?",
            "difficulty": "Où avez-vous rencontré le plus de difficulté ?",
            "comment": "Votre commentaire",
            "contact_email": "Votre adresse e-mail (facultatif)",
        }
        help_texts = {
            "comment": "Ce qui vous a plu, ce qui vous a manqué, ce que nous pourrions améliorer. "
            "2 000 caractères au plus.",
            "contact_email": "Si vous acceptez que l'équipe vous recontacte à propos de votre avis. "
            "Format attendu : nom@domaine.fr",
        }
        widgets = {
            "rating": InlineRadioSelect,
            "difficulty": forms.RadioSelect,
            "comment": forms.Textarea({"rows": 5}),
        }
        error_messages = {
            "rating": {"required": "Choisissez une note de 0 à 10."},
            "difficulty": {"required": "Choisissez où vous avez rencontré le plus de difficulté."},
            "contact_email": {"invalid": "Saisissez une adresse e-mail valide, par exemple nom@domaine.fr."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A model field with choices gives a blank choice, which radio buttons do not need.
        for name in ("rating", "difficulty"):
            self.fields[name].choices = [choice for choice in self.fields[name].choices if choice[0] != ""]
