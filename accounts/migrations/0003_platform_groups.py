from django.db import migrations

# The platform groups used to be created here by live code; home.bootstrap.ensure_groups, run after
# every migrate (post_migrate), creates and completes them now. Kept, empty, for the databases that
# applied it.


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_cgu_acceptance")]

    operations = []
