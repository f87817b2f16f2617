from django.db import migrations


def drop_contributors_page_grants_beyond_add(apps, schema_editor):
    # Contributeurs held publish on /ressources/, which let any account unpublish or restrict the
    # index itself; publishing their own resources now comes with editing them (ResourcePermissionTester).
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(group__name="Contributeurs").exclude(
        permission__codename="add_page"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0009_rendition_file_index"),
        ("wagtailcore", "__latest__"),
        ("auth", "__latest__"),
    ]

    operations = [migrations.RunPython(drop_contributors_page_grants_beyond_add, migrations.RunPython.noop)]
