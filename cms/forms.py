"""Form rendering shared by every app."""

from dsfr.forms import DsfrBaseForm, DsfrBoundField


class DsfrFormMixin:
    """django-dsfr's rendering (field groups, error messages) for forms that are not DsfrBaseForm."""

    template_name = DsfrBaseForm.template_name
    bound_field_class = DsfrBoundField
    default_renderer = DsfrBaseForm.default_renderer
