"""Every use of a library's private API, in one place.

Each entry says what it reaches into (upstream reference), the version it was checked against, and why
no public API serves. When upgrading one of these libraries, read its entries here first.
"""

from wagtail import hooks


# --- Wagtail 8.0.1 (wagtail/hooks.py: the ``_hooks`` registry) with wagtailmenus 4.2.0 ------------------
def unregister_hook(hook_name: str, function) -> None:
    """Remove ``function`` from the functions registered for ``hook_name``.

    Wagtail has ``hooks.register`` but nothing to unregister a function another app registered. Used to
    drop wagtailmenus' ``before_serve_page`` hook (``wagtailmenu_params_helper``), which looks up the
    section of every page served (two queries) although its context processor finds it again, lazily,
    when a menu is rendered (home/apps.py). Wagtail's hooks are loaded first, so that ours is the last
    word on the registry.
    """
    hooks.search_for_hooks()
    registered = hooks._hooks.get(hook_name, [])
    registered[:] = [(hook, order) for hook, order in registered if hook is not function]
