import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    """Keep the content types, hence the permissions and log entries, of the moved models."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, model in MOVED:
        ContentType.objects.filter(app_label=app_label, model=model).update(app_label="community")


def count_saves(apps, schema_editor):
    """Fill the new ``ResourcePage.saves_count`` with the saves made so far."""
    schema_editor.execute(
        "UPDATE resources_resourcepage AS page SET saves_count = "
        "(SELECT count(*) FROM resources_collectionitem AS item WHERE item.resource_id = page.page_ptr_id)"
    )


MOVED = [
    ("resources", "collection"),
    ("resources", "collectionitem"),
    ("bases", "basefeaturedcollection"),
    ("bases", "basefollow"),
    ("accounts", "profilefollow"),
]


class Migration(migrations.Migration):
    """The models of collections and follows move here from resources, bases and accounts (whose
    migrations drop them from Django's state only): their tables keep their names and every row."""

    initial = True

    dependencies = [
        ('bases', '0006_community_models_move_to_community'),
        ('resources', '0012_saves_count'),
        ('accounts', '0006_profile_follows_move_to_community'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Collection',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=100, verbose_name='titre')),
                        ('slug', models.SlugField(blank=True, editable=False, max_length=100, verbose_name='identifiant')),
                        ('description', models.TextField(blank=True, max_length=560, verbose_name='description')),
                        ('image', models.ImageField(blank=True, upload_to='collections/', verbose_name='image')),
                        ('is_public', models.BooleanField(default=False, verbose_name='collection publique')),
                        ('is_favorites', models.BooleanField(default=False, editable=False, verbose_name='favoris')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='créée le')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='modifiée le')),
                        ('base', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='collections', to='bases.basepage', verbose_name='base')),
                        ('owner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='collections', to=settings.AUTH_USER_MODEL, verbose_name='propriétaire')),
                    ],
                    options={
                        'verbose_name': 'collection',
                        'db_table': 'resources_collection',
                        'ordering': ['-is_favorites', 'title'],
                    },
                ),
                migrations.CreateModel(
                    name='BaseFeaturedCollection',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='featured_collections', to='bases.basepage')),
                        ('collection', models.ForeignKey(limit_choices_to={'is_public': True}, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='community.collection', verbose_name='collection')),
                    ],
                    options={
                        'verbose_name': 'collection mise en avant',
                        'verbose_name_plural': 'collections mises en avant',
                        'db_table': 'bases_basefeaturedcollection',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='CollectionItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveIntegerField(default=0, verbose_name='position')),
                        ('added_at', models.DateTimeField(auto_now_add=True, verbose_name='ajoutée le')),
                        ('collection', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='community.collection')),
                        ('resource', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='saves', to='resources.resourcepage')),
                    ],
                    options={
                        'verbose_name': 'ressource enregistrée',
                        'verbose_name_plural': 'ressources enregistrées',
                        'db_table': 'resources_collectionitem',
                        'ordering': ['position', 'added_at'],
                    },
                ),
                migrations.CreateModel(
                    name='ProfileFollow',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='suivi depuis le')),
                        ('follower', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='followed_profiles', to=settings.AUTH_USER_MODEL)),
                        ('profile', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='follows', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'abonnement à un profil',
                        'verbose_name_plural': 'abonnements à des profils',
                        'db_table': 'accounts_profilefollow',
                    },
                ),
                migrations.CreateModel(
                    name='BaseFollow',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='suivie depuis le')),
                        ('base', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='follows', to='bases.basepage')),
                        ('follower', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='followed_bases', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'abonnement à une base',
                        'verbose_name_plural': 'abonnements à des bases',
                        'db_table': 'bases_basefollow',
                        'constraints': [models.UniqueConstraint(fields=('base', 'follower'), name='one_follow_per_base_and_user')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='collection',
                    constraint=models.UniqueConstraint(condition=models.Q(('is_favorites', True)), fields=('owner',), name='one_favorites_collection_per_owner'),
                ),
                migrations.AddConstraint(
                    model_name='collection',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('base__isnull', True), ('owner__isnull', False)), models.Q(('base__isnull', False), ('owner__isnull', True)), _connector='OR'), name='collection_owned_by_a_profile_or_a_base'),
                ),
                migrations.AddConstraint(
                    model_name='collection',
                    constraint=models.CheckConstraint(condition=models.Q(('is_favorites', False), ('owner__isnull', False), _connector='OR'), name='favorites_owned_by_a_profile'),
                ),
                migrations.AddConstraint(
                    model_name='collectionitem',
                    constraint=models.UniqueConstraint(fields=('collection', 'resource'), name='one_save_per_collection_and_resource'),
                ),
                migrations.AddConstraint(
                    model_name='profilefollow',
                    constraint=models.UniqueConstraint(fields=('profile', 'follower'), name='one_follow_per_profile_and_user'),
                ),
                migrations.AddConstraint(
                    model_name='profilefollow',
                    constraint=models.CheckConstraint(condition=models.Q(('profile', models.F('follower')), _negated=True), name='no_self_follow'),
                ),
            ]
        ),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
        migrations.RunPython(count_saves, migrations.RunPython.noop),
    ]
