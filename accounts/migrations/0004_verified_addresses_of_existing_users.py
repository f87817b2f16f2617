from django.db import migrations


def verify_existing_addresses(apps, schema_editor):
    # Accounts made before sign-up went through allauth were made by someone who vouched for their
    # address (an administrator, the demo loader); like those UserManager makes, they need no code
    # to confirm it before signing in.
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, primary=True, verified=True)
        for user in User.objects.filter(emailaddress__isnull=True)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_platform_groups"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(verify_existing_addresses, migrations.RunPython.noop)]
