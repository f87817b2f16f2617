from django import forms
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxLengthValidator


class ChoiceArrayField(ArrayField):
    """A list of taxonomy keys, edited as (grouped) checkboxes rather than comma-separated text.

    ``size`` is the most keys a page may carry; the form says so in French.
    """

    def formfield(self, **kwargs):
        validators = []
        if self.size:
            validators.append(
                MaxLengthValidator(
                    self.size,
                    message=f"Sélectionnez au plus {self.size} choix (%(show_value)d sélectionnés).",
                )
            )
        return forms.MultipleChoiceField(
            choices=self.base_field.choices,
            required=not self.blank,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
            validators=validators,
            **{key: value for key, value in kwargs.items() if key in ("label", "help_text", "widget")},
        )
