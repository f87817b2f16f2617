from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_groups(sender, **kwargs):
    from home.bootstrap import ensure_groups

    ensure_groups()


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et cadre du site"

    def ready(self):
        from home.frame import connect_invalidation

        connect_invalidation()
        post_migrate.connect(_ensure_groups, sender=self, dispatch_uid="home-ensure-groups")
        _drop_eager_menu_section_lookup()


def _drop_eager_menu_section_lookup() -> None:
    """wagtailmenus looks up the section of every page served (two queries) for its menus, and its
    context processor finds it again, lazily, when a menu is rendered. The frame caches the menus, so
    only the lazy lookup is kept: it runs on the rare cache miss that renders them."""
    from wagtailmenus.wagtail_hooks import wagtailmenu_params_helper

    from cms.private_api import unregister_hook

    unregister_hook("before_serve_page", wagtailmenu_params_helper)
