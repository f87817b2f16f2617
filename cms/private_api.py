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


# --- django-treebeard 4.7 (treebeard/mp_tree.py: ``MP_Node.get_parent`` caches ``_cached_parent_obj``) ---
def remember_parent(page, parent) -> None:
    """Make ``page.get_parent()`` answer ``parent`` without a query.

    Our routing (cms/routing.py) already holds each page's parent when it routes to a child; treebeard
    keeps the parent it fetched in ``_cached_parent_obj`` and offers no way to give it one. The
    breadcrumb and the base of a resource then walk up without a query per level.
    """
    page._cached_parent_obj = parent


def remembered_parent(page):
    """The parent ``remember_parent`` (or treebeard's own ``get_parent``) left on ``page``, or None."""
    return getattr(page, "_cached_parent_obj", None)


# --- Wagtail 8.0.1 (wagtail/images/models.py ``AbstractImage._set_image_file_metadata``,
#     wagtail/documents/models.py ``AbstractDocument._set_document_file_metadata``) ------------------
def set_file_metadata(item) -> None:
    """Fill the size and hash of an image or document not saved yet, as Wagtail's upload forms do.

    Wagtail's public ``get_file_size()``/``get_file_hash()`` fill them on a saved item, with a save each;
    the demo and the tests create files in code and want them as an upload would leave them.
    """
    if hasattr(item, "_set_image_file_metadata"):
        item._set_image_file_metadata()
    else:
        item._set_document_file_metadata()
