from django import forms
from dsfr.forms import DsfrBaseForm

from notifications.models import EMAIL_BY_DEFAULT, EmailPreference, Topic


class EmailPreferencesForm(DsfrBaseForm):
    """One box per topic: checked, its notifications also come by e-mail."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        chosen = dict(EmailPreference.objects.filter(user=user).values_list("topic", "by_email"))
        for topic in Topic:
            self.fields[topic.value] = forms.BooleanField(
                label=topic.label, required=False, initial=chosen.get(topic.value, EMAIL_BY_DEFAULT[topic])
            )

    def save(self) -> None:
        for topic in Topic:
            EmailPreference.objects.update_or_create(
                user=self.user, topic=topic.value, defaults={"by_email": self.cleaned_data[topic.value]}
            )
