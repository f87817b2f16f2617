"""Pictures people upload from the site (profile photos, collection images): JPEG, PNG or WebP, 5 MB at most."""

from django import forms

PICTURE_MAX_BYTES = 5 * 1024 * 1024
PICTURE_FORMATS = {"JPEG", "PNG", "WEBP"}


def dsfr_picture_input(field: forms.Field) -> None:
    field.widget.attrs.update({"class": "fr-upload", "accept": "image/jpeg,image/png,image/webp"})
    field.widget.group_class = "fr-upload-group"


def check_picture(uploaded, format_error: str, size_error: str):
    """``uploaded`` as the form's cleaned value, or a French ``ValidationError``."""
    # Only a new upload carries ``image``, set by Django once Pillow has read the file.
    image = getattr(uploaded, "image", None)
    if image is None:
        return uploaded
    if image.format not in PICTURE_FORMATS:
        raise forms.ValidationError(format_error)
    if uploaded.size > PICTURE_MAX_BYTES:
        raise forms.ValidationError(size_error)
    return uploaded
