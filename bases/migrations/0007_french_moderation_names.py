"""Each base's workflow and task were named « Base <slug> » and « Validation par les administrateurs
de « <title> » »: the editor then read « Soumettre à Base <slug> ». They take the name that
bases.creation now gives (MODERATION_NAME, copied here as a migration must not import live code)."""

from django.db import migrations

MODERATION_NAME = "Validation par les administrateurs de la base"


def rename(apps, schema_editor):
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    workflow_ids = WorkflowPage.objects.filter(
        page__content_type__app_label="bases", page__content_type__model="basepage"
    ).values("workflow_id")
    Workflow.objects.filter(pk__in=workflow_ids).update(name=MODERATION_NAME)
    Task.objects.filter(workflow_tasks__workflow_id__in=workflow_ids).update(name=MODERATION_NAME)


class Migration(migrations.Migration):
    dependencies = [("bases", "0006_community_models_move_to_community"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
