from django.urls import include, path, re_path

from community import collection_views, follow_views, profile_views

collection_patterns = (
    [
        path("creer/", collection_views.create, name="create"),
        path("enregistrer/<int:resource_id>/", collection_views.save, name="save"),
        path("<int:pk>/modifier/", collection_views.edit, name="edit"),
        path("<int:pk>/supprimer/", collection_views.delete, name="delete"),
        path("<int:pk>/ordre/", collection_views.reorder, name="reorder"),
        path("<int:pk>/ressources/<int:resource_id>/monter/", collection_views.move_up, name="move_up"),
        path(
            "<int:pk>/ressources/<int:resource_id>/descendre/", collection_views.move_down, name="move_down"
        ),
        path("<int:pk>/ressources/<int:resource_id>/retirer/", collection_views.remove, name="remove"),
        # Any other slug, or none, redirects to the collection's own address.
        re_path(r"^(?P<pk>[0-9]+)(?:-(?P<slug>[^/]*))?/$", collection_views.detail, name="detail"),
    ],
    "collections",
)

urlpatterns = [
    path("collections/", include(collection_patterns)),
    path("profils/modifier/", profile_views.edit_profile, name="profile_edit"),
    path("profils/abonnements/", follow_views.following, name="following"),
    path("profils/<slug:slug>/", profile_views.profile, name="profile"),
    path("profils/<slug:slug>/suivre/", follow_views.follow_profile, name="profile_follow"),
    path("profils/<slug:slug>/ne-plus-suivre/", follow_views.unfollow_profile, name="profile_unfollow"),
    path("profils/<slug:slug>/abonnes/", follow_views.profile_followers, name="profile_followers"),
    # Three segments under /bases/<slug>/: a resource of the base (two segments) keeps any slug.
    path("bases/<slug:slug>/abonnes/suivre/", follow_views.follow_base, name="base_follow"),
    path("bases/<slug:slug>/abonnes/ne-plus-suivre/", follow_views.unfollow_base, name="base_unfollow"),
    path("bases/<slug:slug>/abonnes/liste/", follow_views.base_followers, name="base_followers"),
]
