"""The DSFR display settings (light, dark or system theme) offered in the footer of existing sites, as
``bootstrap`` offers them on new ones."""

from django.db import migrations


def offer_display_settings(apps, schema_editor):
    apps.get_model("wagtail_dsfr_content_manager", "CmsDsfrConfig").objects.update(theme_modale_button=True)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_featured_items_and_site_feedback"),
        ("wagtail_dsfr_content_manager", "0068_alter_catalogindexpage_hero_alter_contentpage_hero"),
    ]

    operations = [migrations.RunPython(offer_display_settings, migrations.RunPython.noop)]
