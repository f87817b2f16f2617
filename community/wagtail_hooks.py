from wagtail import hooks

from community.choosers import public_collection_chooser_viewset


@hooks.register("register_admin_viewset")
def register_public_collection_chooser():
    return public_collection_chooser_viewset
