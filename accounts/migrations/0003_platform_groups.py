from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_platform_groups(apps, schema_editor):
    # Permissions are normally created after all migrations have run; the groups need them now.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    # The current models, on purpose: the groups are kept up to date by the same function that the
    # demo loader calls, so there is one definition of each role.
    from accounts.roles import ensure_platform_groups

    ensure_platform_groups()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_cgu_acceptance"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
        ("wagtailcore", "__latest__"),
        ("wagtailadmin", "__latest__"),
        ("wagtailimages", "__latest__"),
        ("wagtaildocs", "__latest__"),
        ("wagtailredirects", "__latest__"),
        ("wagtailmenus", "__latest__"),
        ("wagtail_dsfr_content_manager", "__latest__"),
    ]

    operations = [migrations.RunPython(create_platform_groups, migrations.RunPython.noop)]
