"""How to request every URL of the site with the ids of the private world (``private_world.py``).

``URLS`` has one entry per URL name (or, for an unnamed pattern, its route as Django prints it). An
entry is ``get(...)``: the parameters of the pattern, each the name of an object of the world (its
``pk``), a dotted attribute of one (``"owner.slug"``), ``lit(value)``, a tuple of those (each is
requested), or a function of the world; and the query strings to request it with (``""`` is the bare
URL; ``{private_base.pk}`` is replaced from the world). A list of ``get(...)`` covers a name shared by
several patterns, or pairs of parameters that go together. ``skip(reason)`` says why a URL is not
requested. A URL of the resolver that is missing here fails the test: add its entry.
"""

import uuid
from dataclasses import dataclass
from itertools import product

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.contrib.settings.models import BaseGenericSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Site

from cms.storage import RENDITIONS
from labase.models import ImportedRecord
from tests.admin_security.private_world import SEARCH_WORD


@dataclass(frozen=True)
class Get:
    params: dict
    queries: tuple  # strings, or functions of the world returning one
    path: str | None = None  # a fixed path, for a pattern that no parameter fills (a catch-all)
    data: dict | None = None  # a POST of this form data instead of a GET (see post())


@dataclass(frozen=True)
class Skip:
    reason: str


@dataclass(frozen=True)
class lit:  # a literal value, named to read as a word in the table
    value: object


def get(*queries, path=None, **params) -> Get:
    return Get(params=params, queries=queries or ("",), path=path)


def post(data: dict, **params) -> Get:
    """A POST of ``data``, for the few actions of the site whose answer to a POST is where the issue
    found a leak (an echoed title, a redirect to a draft); rolled back after each request."""
    return Get(params=params, queries=("",), data=data)


def skip(reason: str) -> Skip:
    return Skip(reason)


def first(model_label):
    """The pk of the first object of a model (the demo's); none when the model has no object, so that
    its views of one object are not requested (they could only answer 404)."""

    def pk(world):
        instance = apps.get_model(model_label).objects.order_by("pk").first()
        return [instance.pk] if instance else []

    return pk


def resolve_value(world, value) -> list:
    """The values a parameter takes: several for a tuple or a function returning a list."""
    if isinstance(value, tuple):
        return [item for each in value for item in resolve_value(world, each)]
    if isinstance(value, lit):
        return [value.value]
    if callable(value):
        result = value(world)
        return list(result) if isinstance(result, list) else [result]
    key, *attributes = value.split(".")
    found = world[key]
    for attribute in attributes:
        found = getattr(found, attribute)
    return [getattr(found, "pk", found)]


def expand(world, spec: Get) -> list[dict]:
    """Every combination of the parameters of ``spec``."""
    names = list(spec.params)
    choices = [resolve_value(world, spec.params[name]) for name in names]
    return [dict(zip(names, combination, strict=True)) for combination in product(*choices)]


# A Wagtail URL that a pattern of ours, at the same path and included first, answers instead.
SHADOWED = skip("answered by accounts/admin_urls.py at the same path: requested under its route")

SEARCH = ("", f"q={SEARCH_WORD}")
SEARCHED = (f"q={SEARCH_WORD}",)  # the results part of a listing: its bare URL is the listing's
PAGES = ("private_base", "private_resource", "personal_resource", "draft", "revised")
# For the views whose permission checks are those of the edit view: one page per kind of reader.
SOME_PAGES = ("private_base", "personal_resource", "revised")
# The resources a stranger may not read, for the actions of the site that take a resource's id.
RESOURCES = ("private_resource", "personal_resource", "draft")
PARENTS = ("bases_index", "resources_index", "private_base", "other_base")
DOCUMENTS = ("bdoc", "pdoc", "ddoc", "udoc", "rdoc")
IMAGES = ("bimg", "pimg", "dimg", "uimg")
ALL_PAGE_IDS = "&".join(f"id={{{key}.pk}}" for key in PAGES)
ALL_DOCUMENT_IDS = "&".join(f"id={{{key}.pk}}" for key in DOCUMENTS)
ALL_IMAGE_IDS = "&".join(f"id={{{key}.pk}}" for key in IMAGES)


def per_page(make, pages=PAGES) -> list[Get]:
    return [make(page) for page in pages]


def renditions(world):
    """The file names of a rendition of each image, as ``/images/<name>`` serves them."""
    return [world[key].get_rendition("fill-40x30").file.name.removeprefix(RENDITIONS) for key in IMAGES]


def labase_records(table: str, keys: tuple, value: str = "slug"):
    """La Base's slugs (or ids) of these objects of the world, as if the importer had made them: the
    old addresses of each. The slugs carry no marker, so that only a redirect can show one."""

    def values(world):
        found = []
        for key in keys:
            obj = world[key]
            record, _ = ImportedRecord.objects.get_or_create(
                table=table,
                source_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"labase/{table}/{key}")),
                defaults={
                    "source_slug": f"ancien-{key.replace('_', '-')}",
                    "content_type": ContentType.objects.get_for_model(type(obj)),
                    "object_id": obj.pk,
                    "page_id": obj.pk if table in ("resources", "bases") else None,
                },
            )
            found.append(record.source_slug if value == "slug" else record.source_id)
        return found

    return values


LABASE_RESOURCES = labase_records("resources", ("private_resource", "personal_resource", "draft", "revised"))
LABASE_BASES = labase_records("bases", ("private_base", "other_base"))
LABASE_USERS = labase_records("users", ("owner", "other_owner"))
LABASE_COLLECTIONS = labase_records("collections", ("private_collection", "base_collection"))


def site_pk(world):
    return Site.objects.get(is_default_site=True).pk


def settings_views(with_pk: bool):
    """Each registered setting (Wagtail's and wagtail-dsfr's), with its object's pk where needed."""

    def specs(world):
        result = []
        for model in settings_registry:
            names = {"app_name": lit(model._meta.app_label), "model_name": lit(model._meta.model_name)}
            if with_pk:
                generic = issubclass(model, BaseGenericSetting)
                names["pk"] = lit(model.load().pk) if generic else site_pk
            result.append(get(**names))
        return result

    return specs


# Which objects of the world a bulk action is asked about, by model.
BULK_IDS = {
    "wagtailcore.Page": ALL_PAGE_IDS,
    "wagtaildocs.Document": ALL_DOCUMENT_IDS,
    "wagtailimages.Image": ALL_IMAGE_IDS,
    "accounts.User": "id={owner.pk}",
}


def bulk_actions(world):
    """Every registered bulk action (its confirmation page lists the objects it is given)."""
    result = []
    for action in hooks.get_hooks("register_bulk_action"):
        for model in action.models:
            ids = BULK_IDS.get(model._meta.label)
            if ids is None:
                if not getattr(model, "snippet_viewset", None):
                    raise LookupError(
                        f"Add the ids to give to bulk actions on {model._meta.label} to BULK_IDS."
                    )
                ids = "&".join(f"id={pk}" for pk in first(model._meta.label)(world))
            result.append(
                get(
                    f"next=/admin/&{ids}",
                    app_label=lit(model._meta.app_label),
                    model_name=lit(model._meta.model_name),
                    action=lit(action.action_type),
                )
            )
    return result


def snippet(app, model, actions, chooser_answered_here=False) -> dict:
    """The views of one snippet model (admin menus and wagtail-dsfr's models): the first object of
    the model for views that take a pk. A chooser that accounts/admin_urls.py answers at the same
    paths is requested under its routes."""
    label = f"{app}.{model}"
    entries = {}
    for action in actions:
        name = f"wagtailsnippets_{app}_{model}:{action}"
        if action == "list":
            entries[name] = get(*SEARCH)
        elif action == "list_results":
            entries[name] = get(*SEARCHED)
        elif action == "add":
            entries[name] = get()
        else:
            entries[name] = get(pk=first(label))
    choosers = {
        "choose": get(*SEARCH),
        "choose_results": get(*SEARCHED),
        "chosen": get(pk=first(label)),
        "chosen_multiple": get(lambda world: "&".join(f"id={pk}" for pk in first(label)(world))),
        "create": get(),
    }
    if not chooser_answered_here:
        entries.update(
            {f"wagtailsnippetchoosers_{app}_{model}:{view}": spec for view, spec in choosers.items()}
        )
        return entries
    routes = {
        "choose": "",
        "choose_results": "results/",
        "chosen": "chosen/<str:pk>/",
        "chosen_multiple": "chosen-multiple/",
        "create": "create/",
    }
    for view, spec in choosers.items():
        entries[f"wagtailsnippetchoosers_{app}_{model}:{view}"] = SHADOWED
        entries[f"admin/snippets/choose/{app}/{model}/{routes[view]}"] = spec
    return entries


SNIPPET_ACTIONS = (
    "list",
    "list_results",
    "add",
    "edit",
    "delete",
    "usage",
    "history",
    "history_results",
    "copy",
)


URLS = {
    # ---- the site (outside /admin/): pages, accounts, bases, resources, collections -------------
    "wagtail_serve": get(
        _0=(
            lit(""),
            lit("bases/"),
            lit("ressources/"),
            lit("bases/mkbaseslug/"),
            lit("bases/mkbaseslug/mkresslug/"),
            lit("ressources/mkpersoslug/"),
            lit("ressources/mkdraftslug/"),
            "revised_path",
        )
    ),
    "health": get(),
    "readiness": get(),
    "opendata:robots": get(),
    "opendata:sitemap": get(),
    "opendata:sitemap_section": get(
        section=(lit("pages"), lit("profils"), lit("collections"), lit("categories"))
    ),
    "opendata:security_txt": get(),
    # Open data (opendata/): feeds, Markdown, the export's files, Wagtail's API v2; all read-only.
    "opendata:feeds": get(),
    "opendata:site_feed": get("", "page=%00&limit=-1"),
    "opendata:site_atom_feed": get(),
    "opendata:base_feed": get(slug=("private_base.slug", "other_base.slug")),
    "opendata:base_atom_feed": get(slug=("private_base.slug", "other_base.slug")),
    "opendata:profile_feed": get(slug=("owner.slug", "other_owner.slug")),
    "opendata:profile_atom_feed": get(slug=("owner.slug", "other_owner.slug")),
    "opendata:theme_feed": get(key=lit("parentalite")),
    "opendata:theme_atom_feed": get(key=lit("parentalite")),
    "opendata:category_feed": get(key=lit("inclusion-numerique")),
    "opendata:category_atom_feed": get(key=lit("inclusion-numerique")),
    "opendata:resource_markdown": get(pk=(*RESOURCES, "revised")),
    "opendata:base_markdown": get(pk=("private_base", "other_base")),
    "opendata:export_file": get(
        name=(lit("ressources.csv"), lit("ressources.json"), lit("bases.csv"), lit("bases.json"))
    ),
    "opendata:api:pages:listing": get(
        "", "type=resources.ResourcePage&fields=*", f"search={SEARCH_WORD}", "child_of={private_base.pk}"
    ),
    "opendata:api:pages:detail": get(pk=PAGES),
    "opendata:api:pages:find": get(
        "html_path=/bases/mkbaseslug/mkresslug/",
        "html_path=/ressources/mkdraftslug/",
        "id={private_resource.pk}",
    ),
    "opendata:api:images:listing": get("", f"search={SEARCH_WORD}"),
    "opendata:api:images:detail": get(pk=IMAGES),
    "opendata:api:images:find": get(*(f"id={{{key}.pk}}" for key in IMAGES)),
    "opendata:api:documents:listing": get("", f"search={SEARCH_WORD}"),
    "opendata:api:documents:detail": get(pk=DOCUMENTS),
    "opendata:api:documents:find": get(*(f"id={{{key}.pk}}" for key in DOCUMENTS)),
    "favicon.ico": get(),
    "account_login": get(),
    "account_logout": get(),
    "account_inactive": get(),
    "account_signup": get(),
    "account_reauthenticate": get(),
    "account_email": get(),
    "account_email_verification_sent": get(),
    "account_change_password": get(),
    "account_set_password": get(),
    "account_reset_password": get(),
    "account_confirm_login_code": get(),
    "account_reset_password_from_key_done": get(),
    "account_reset_password_from_key": get(uidb36=lit("1"), key=lit("jeton-inconnu")),
    "account_reset_password_done": get(),
    "account_request_login_code": get(),
    "socialaccount_login_cancelled": get(),
    "socialaccount_login_error": get(),
    "socialaccount_signup": get(),
    "socialaccount_connections": get(),
    "compte/social/login/cancelled/": get(),
    "compte/social/login/error/": get(),
    "compte/social/signup/": get(),
    "compte/social/connections/": get(),
    "openid_connect_login": get(provider_id=lit("proconnect")),
    "openid_connect_callback": get(provider_id=lit("proconnect")),
    "profile_edit": get(),
    # The second factor (allauth's MFA): the signed-in user's own authenticator and codes.
    "mfa_index": get(),
    "mfa_authenticate": get(),
    "mfa_reauthenticate": get(),
    "mfa_activate_totp": get(),
    "mfa_deactivate_totp": get(),
    "mfa_view_recovery_codes": get(),
    "mfa_generate_recovery_codes": get(),
    "mfa_download_recovery_codes": get(),
    "account_delete": get(),
    "cgu_accept": get("", "next=/admin/"),
    "following": get(),
    "notifications:list": get(),
    "notifications:open": get(pk="notification"),
    "notifications:mark_all_read": get(),
    "notifications:preferences": get(),
    "feed:index": get("", "source=bases-suivies", "source=profils-suivis", "source=thematiques"),
    "feed:preferences": get(),
    "feed:onboarding": get(
        step=(lit("thematiques"), lit("secteurs-professionnels"), lit("bases"), lit("resume-mensuel"))
    ),
    "feed:skip_onboarding": get(),
    "feed:unsubscribe": get(token=lit("jeton-inconnu")),
    "profile": get(slug=("owner.slug", "other_owner.slug")),
    "profile_follow": get(slug="owner.slug"),
    "profile_unfollow": get(slug="owner.slug"),
    "profile_followers": get(slug="owner.slug"),
    "bases:create": get(),
    "bases:invite": get(slug="private_base.slug"),
    "bases:request_to_join": get(slug="private_base.slug"),
    "bases:leave": get(slug="private_base.slug"),
    "bases:change_role": get(slug="private_base.slug", user_id="member"),
    "bases:remove": get(slug="private_base.slug", user_id="member"),
    "bases:answer_request": get(slug="other_base.slug", request_id="join_request"),
    "bases:manage": get(slug="private_base.slug"),
    "bases:visibility": get(slug="private_base.slug"),
    "bases:cancel_invitation": get(slug="private_base.slug", invitation_id="invitation"),
    "bases:resend_invitation": get(slug="private_base.slug", invitation_id="invitation"),
    "base_follow": get(slug="private_base.slug"),
    "base_unfollow": get(slug="private_base.slug"),
    "base_followers": get(slug="private_base.slug"),
    # The token is the invitation: whoever holds it may read it. A wrong one must reveal nothing.
    "bases:invitation": get(token=lit("jeton-inconnu")),
    # Inviting a contributor must not tell who has an account (a private profile's name), nor send a
    # stranger to a draft's address.
    "resources:invite_contributor": [
        get(page_id="private_resource"),
        post({"email": "mkownermail@example.org"}, page_id=RESOURCES),
    ],
    "resources:remove_contributor": [
        get(page_id="private_resource", user_id="owner"),
        post({}, page_id=RESOURCES, user_id="owner"),
    ],
    # Where to publish: a private base chosen in advance by a stranger must not show its title.
    "resources:publish": get("", "base={private_base.pk}"),
    # A resource's life: its move and delete forms and its share link panel are for those who may
    # act on it, a 404 to others; a share link's address opens nothing with a wrong token.
    "resources:move": get(page_id=RESOURCES),
    "resources:delete": get(page_id=RESOURCES),
    "bases:share": get(page_id=(*SOME_PAGES, *RESOURCES)),
    "bases:shared": get(page_id=RESOURCES, token=lit("jeton-inconnu")),
    # The view beacon answers without a body: it must not tell a stranger a draft or a private page exists.
    "resources:count_view": post({}, page_id=RESOURCES),
    # So do the beacons of the blocks' uses (a 404 for a page the viewer may not read, as for a block
    # the page does not have).
    "resources:count_block_use": post(
        {},
        page_id=RESOURCES,
        block_id=lit(uuid.UUID("00000000-0000-4000-8000-000000000000")),
        kind=lit("clic"),
    ),
    "resources:rate": get(page_id=SOME_PAGES),
    "resources:report": get(page_id=SOME_PAGES),
    "resources:delete_rating": get(rating_id="rating"),
    "resources:reply_to_rating": get(rating_id="rating"),
    "resources:edit_reply": get(reply_id="reply"),
    "resources:delete_reply": get(reply_id="reply"),
    "collections:create": get("", "base={private_base.pk}"),
    "collections:save": get(resource_id=SOME_PAGES),
    "collections:edit": get(pk=("private_collection", "base_collection")),
    "collections:delete": get(pk=("private_collection", "base_collection")),
    "collections:reorder": get(pk=("private_collection", "base_collection")),
    "collections:move_up": get(pk="private_collection", resource_id="personal_resource"),
    "collections:move_down": get(pk="private_collection", resource_id="personal_resource"),
    # Removing a resource from one's collection must not echo the title of a resource one may not read.
    "collections:remove": [
        get(pk="private_collection", resource_id="personal_resource"),
        post({}, pk=("other_collection", "base_collection"), resource_id=RESOURCES),
    ],
    "collections:detail": [
        get(pk=("private_collection", "base_collection")),
        get(pk=("private_collection", "base_collection"), slug=lit("autre")),
    ],
    "search:search": get(f"q={SEARCH_WORD}", f"q={SEARCH_WORD}&onglet=bases", "q=mkownerlast&onglet=profils"),
    "search:quick_search": get(f"q={SEARCH_WORD}", "q=mkownerlast"),
    # La Base's old addresses (labase/urls.py): a redirect only to those who may read its target.
    "labase:resource": get(slug=LABASE_RESOURCES),
    "labase:resource_tab": get(slug=LABASE_RESOURCES, tab=(lit("avis"), lit("markdown"))),
    "labase:resource_editor": get(
        slug=LABASE_RESOURCES, action=(lit("editer"), lit("publier"), lit("parametres"))
    ),
    "labase:base": get(slug=LABASE_BASES),
    "labase:base_editor": get(slug=LABASE_BASES),
    "labase:base_tab": get(slug=LABASE_BASES, tab=(lit("ressources"), lit("collections"), lit("membres"))),
    "labase:profile": get(slug=LABASE_USERS),
    "labase:profile_tab": get(slug=LABASE_USERS, tab=(lit("a-propos"), lit("bases"), lit("collections"))),
    "labase:collection": get(slug=LABASE_COLLECTIONS),
    "labase:search": get(
        segment=(lit(f"r={SEARCH_WORD}"), lit("r=mkownerlast")),
        tab=(lit("ressources"), lit("bases"), lit("profils")),
    ),
    "labase:image": get(image_id=labase_records("images", IMAGES, value="id")),
    "labase:api_resources": get("", "page=1&per_page=1000"),
    "labase:api_bases": get("", "page=1&per_page=1000"),
    "home:site_feedback": get(),
    "home:category": get(),
    "home:site_map": get(),
    "stats:statistics": get(),
    "wagtailcore_authenticate_with_password": get(
        page_view_restriction_id="private_base_restriction", page_id="private_base"
    ),
    "wagtailcore_login": get(),
    # ---- served files -------------------------------------------------------------------------------
    "wagtaildocs_serve": [get(_0=key, _1=f"{key}.filename") for key in DOCUMENTS],
    # Image renditions, served under the media rule (cms/renditions.py).
    "rendition": get(name=renditions),
    "wagtaildocs_authenticate_with_password": get(restriction_id=lit(999999)),
    # ---- Wagtail admin: home, account, login -------------------------------------------------------
    "wagtailadmin_home": get(),
    "admin/login/": get(),
    "wagtailadmin_login": skip("shadowed by cms/urls.py's admin/login/ redirect to /connexion/ (row above)"),
    "admin/test404/": get(),
    "admin/^.*/$": get(path="/admin/adresse-inconnue/"),
    # Wagtail's deliberate error page: for superusers only (accounts/admin_urls.py), none of the viewers.
    "wagtailadmin_error_test": SHADOWED,
    "admin/failwhale/": get(),
    "wagtailadmin_account": get(),
    "wagtailadmin_logout": get(),
    "wagtailadmin_dismissibles": get(),
    "wagtailadmin_sprite": get(),
    "wagtailadmin_javascript_catalog": get(),
    "wagtail_modeladmin:javascript_catalog": get(),
    "wagtailadmin_password_reset": get(),
    "wagtailadmin_password_reset_done": get(),
    "wagtailadmin_password_reset_confirm": get(uidb64=lit("MQ"), token=lit("jeton-inconnu")),
    "wagtailadmin_password_reset_complete": get(),
    "wagtailadmin_editing_sessions:ping": get(
        app_label=lit("wagtailcore"), model_name=lit("page"), object_id="private_resource", session_id=lit(1)
    ),
    "wagtailadmin_editing_sessions:release": get(session_id=lit(1)),
    # The preview of a block in the block chooser shows its preview value (the latest image, document).
    "wagtailadmin_block_preview": get("id={block_image}", "id={block_file}", "id={block_link}"),
    # ---- the admin API (what the explorer menu and the choosers read) -----------------------------
    "wagtailadmin_api:pages:listing": get(
        "",
        f"search={SEARCH_WORD}",
        "child_of={private_base.pk}",
        "child_of={other_base.pk}",
        "descendant_of={bases_index.pk}&fields=title,admin_display_title",
    ),
    "wagtailadmin_api:pages:detail": get(pk=PAGES),
    "wagtailadmin_api:pages:find": get(
        "html_path=/bases/mkbaseslug/mkresslug/", "html_path=/ressources/mkpersoslug/", "id={draft.pk}"
    ),
    "wagtailadmin_api:pages:action": get(
        pk="private_resource", action_name=(lit("copy"), lit("move"), lit("publish"))
    ),
    "wagtailadmin_api:documents:listing": get("", f"search={SEARCH_WORD}", "fields=title,download_url"),
    "wagtailadmin_api:documents:detail": get(pk=DOCUMENTS),
    "wagtailadmin_api:documents:find": get("id={bdoc.pk}", "id={udoc.pk}"),
    "wagtailadmin_api:images:listing": get("", f"search={SEARCH_WORD}", "fields=title,thumbnail"),
    "wagtailadmin_api:images:detail": get(pk=IMAGES),
    "wagtailadmin_api:images:find": get("id={bimg.pk}", "id={uimg.pk}"),
    # ---- pages: explorer, search, editing, history ------------------------------------------------
    "wagtailadmin_explore_root": get(*SEARCH),
    "wagtailadmin_explore": get(parent_page_id=PARENTS),
    "wagtailadmin_explore_results": get(*SEARCHED, parent_page_id=PARENTS),
    "wagtailadmin_pages:search": get(f"q={SEARCH_WORD}"),
    "wagtailadmin_pages:search_results": get(f"q={SEARCH_WORD}"),
    "wagtailadmin_pages:add": get(
        content_type_app_name=lit("resources"),
        content_type_model_name=lit("resourcepage"),
        parent_page_id=("private_base", "resources_index"),
    ),
    "wagtailadmin_pages:preview_on_add": get(
        content_type_app_name=lit("resources"),
        content_type_model_name=lit("resourcepage"),
        parent_page_id="private_base",
    ),
    "wagtailadmin_pages:type_use": get(
        *SEARCH, content_type_app_name=lit("resources"), content_type_model_name=lit("resourcepage")
    ),
    "wagtailadmin_pages:type_use_results": [
        get(content_type_app_name=lit("resources"), content_type_model_name=lit("resourcepage")),
        get(content_type_app_name=lit("bases"), content_type_model_name=lit("basepage")),
    ],
    "wagtailadmin_pages:choose_parent": get(
        app_label=lit("resources"), model_name=(lit("resourcepage"), lit("basepage"))
    ),
    "wagtailadmin_pages:usage": get(page_id=SOME_PAGES),
    "wagtailadmin_pages:edit": get(page_id=PAGES),
    "wagtailadmin_pages:preview_on_edit": get(page_id=PAGES),
    "wagtailadmin_pages:view_draft": get(page_id=PAGES),
    "wagtailadmin_pages:add_subpage": get(parent_page_id=("private_base", "private_resource")),
    "wagtailadmin_pages:delete": get(page_id=SOME_PAGES),
    "wagtailadmin_pages:unpublish": get(page_id=SOME_PAGES),
    "wagtailadmin_pages:convert_alias": get(page_id=SOME_PAGES),
    "wagtailadmin_pages:move": get(page_to_move_id=SOME_PAGES),
    "wagtailadmin_pages:move_confirm": get(page_to_move_id=SOME_PAGES, destination_id="resources_index"),
    "wagtailadmin_pages:set_page_position": get(
        page_to_move_id="private_resource"
    ),  # POST only: its GET must still answer cleanly
    "wagtailadmin_pages:copy": get(page_id=SOME_PAGES),
    "wagtailadmin_pages:set_privacy": get(page_id=SOME_PAGES),
    "wagtailadmin_pages:lock": get(
        page_id="private_resource"
    ),  # POST only: its GET must still answer cleanly
    "wagtailadmin_pages:unlock": get(
        page_id="private_resource"
    ),  # POST only: its GET must still answer cleanly
    "wagtailadmin_pages:revisions_index": get(page_id=SOME_PAGES),
    "wagtailadmin_pages:revisions_view": per_page(
        lambda page: get(page_id=page, revision_id=f"{page}.latest_revision_id")
    ),
    "wagtailadmin_pages:revisions_revert": per_page(
        lambda page: get(page_id=page, revision_id=f"{page}.latest_revision_id"), SOME_PAGES
    ),
    "wagtailadmin_pages:revisions_unschedule": per_page(
        lambda page: get(page_id=page, revision_id=f"{page}.latest_revision_id"), SOME_PAGES
    ),
    "wagtailadmin_pages:revisions_compare": get(
        pk=PAGES, revision_id_a=lit("earliest"), revision_id_b=lit("latest")
    ),
    "wagtailadmin_pages:history": get(page_id=PAGES),
    "wagtailadmin_pages:history_results": get(page_id=SOME_PAGES),
    "wagtailadmin_pages:workflow_history": get(page_id=SOME_PAGES),
    "wagtailadmin_pages:workflow_history_detail": get(
        page_id="private_resource", workflow_state_id="workflow_state"
    ),
    "wagtailadmin_pages:workflow_action": get(
        page_id="private_resource", action_name=(lit("approve"), lit("reject")), task_state_id="task_state"
    ),
    "wagtailadmin_pages:collect_workflow_action_data": get(
        page_id="private_resource", action_name=(lit("approve"), lit("reject")), task_state_id="task_state"
    ),
    "wagtailadmin_pages:confirm_workflow_cancellation": get(page_id="private_resource"),
    "wagtailadmin_pages:workflow_preview": get(page_id="private_resource", task_id="base_task"),
    "wagtail_bulk_action": bulk_actions,
    # ---- the page chooser (the link block's « Page du site ») --------------------------------------
    "wagtailadmin_choose_page": SHADOWED,
    "wagtailadmin_choose_page_child": SHADOWED,
    "wagtailadmin_choose_page_search": SHADOWED,
    "wagtailadmin_choose_page_chosen_multiple": SHADOWED,
    "wagtailadmin_choose_page_external_link": get(),
    "wagtailadmin_choose_page_email_link": get(),
    "wagtailadmin_choose_page_phone_link": get(),
    "wagtailadmin_choose_page_anchor_link": get(),
    # ---- documents and images: listings, editing, choosers, tags ---------------------------------
    "wagtaildocs:index": SHADOWED,
    "admin/documents/": get(*SEARCH),
    "wagtaildocs:index_results": SHADOWED,
    "admin/documents/results/": get(*SEARCHED),
    "wagtaildocs:add": get(),
    "wagtaildocs:edit": get(document_id=DOCUMENTS),
    "wagtaildocs:delete": get(document_id=DOCUMENTS),
    "wagtaildocs:document_usage": get(document_id=DOCUMENTS),
    "wagtaildocs:add_multiple": get(),
    "wagtaildocs:edit_multiple": get(doc_id=DOCUMENTS),  # POST only: its GET must still answer cleanly
    "wagtaildocs:delete_multiple": get(doc_id=DOCUMENTS),  # POST only: its GET must still answer cleanly
    "wagtaildocs:create_multiple_from_uploaded_document": get(
        uploaded_file_id=lit(999999)
    ),  # POST only: its GET must still answer cleanly
    "wagtaildocs:delete_upload_multiple": get(
        uploaded_file_id=lit(999999)
    ),  # POST only: its GET must still answer cleanly
    "wagtaildocs_chooser:choose": get(*SEARCH),
    "wagtaildocs_chooser:choose_results": get(*SEARCHED),
    "wagtaildocs_chooser:chosen": get(pk=DOCUMENTS),
    "wagtaildocs_chooser:chosen_multiple": get(ALL_DOCUMENT_IDS),
    "wagtaildocs_chooser:create": get(),
    "wagtailimages:index": SHADOWED,
    "admin/images/": get(*SEARCH),
    "wagtailimages:index_results": SHADOWED,
    "admin/images/results/": get(*SEARCHED),
    "wagtailimages:add": get(),
    "wagtailimages:edit": get(image_id=IMAGES),
    "wagtailimages:delete": get(image_id=IMAGES),
    "wagtailimages:image_usage": get(image_id=IMAGES),
    "wagtailimages:url_generator": get(image_id=IMAGES),
    "wagtailimages:url_generator_output": get(image_id=IMAGES),
    "wagtailimages:preview": get(image_id=IMAGES, filter_spec=lit("fill-40x30")),
    "wagtailimages:add_multiple": get(),
    "wagtailimages:edit_multiple": get(image_id=IMAGES),  # POST only: its GET must still answer cleanly
    "wagtailimages:delete_multiple": get(image_id=IMAGES),  # POST only: its GET must still answer cleanly
    "wagtailimages:create_multiple_from_uploaded_image": get(
        uploaded_file_id=lit(999999)
    ),  # POST only: its GET must still answer cleanly
    "wagtailimages:delete_upload_multiple": get(
        uploaded_file_id=lit(999999)
    ),  # POST only: its GET must still answer cleanly
    "wagtailimages_chooser:choose": SHADOWED,
    "admin/images/chooser/": get(*SEARCH),
    "wagtailimages_chooser:choose_results": get(*SEARCHED),
    "wagtailimages_chooser:chosen": get(pk=IMAGES),
    "wagtailimages_chooser:chosen_multiple": get(ALL_IMAGE_IDS),
    "wagtailimages_chooser:create": get(),
    "wagtailimages_chooser:select_format": get(image_id=IMAGES),
    "wagtailadmin_tag_autocomplete": SHADOWED,
    "wagtailadmin_tag_model_autocomplete": SHADOWED,
    # Tags are shared by the whole site: each viewer is offered the tags of the files they may choose.
    "admin/tag-autocomplete/": get("term=mk"),
    "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/": get(
        "term=mk",
        app_name=(lit("taggit"), lit("wagtail_dsfr_content_manager")),
        model_name=lit("tag"),
    ),
    "wagtailadmin_collections:index": get(),
    "wagtailadmin_collections:add": get(),
    "wagtailadmin_collections:edit": get(pk="base_media_collection"),
    "wagtailadmin_collections:delete": get(pk="base_media_collection"),
    "wagtailadmin_collections:set_privacy": get(collection_id="base_media_collection"),
    "wagtailembeds:chooser": get(),
    "wagtailembeds:chooser_upload": get(),  # POST only: its GET must still answer cleanly
    # ---- workflows and reports -------------------------------------------------------------------
    "wagtailadmin_workflows:index": get(*SEARCH),
    "wagtailadmin_workflows:index_results": get(*SEARCHED),
    "wagtailadmin_workflows:add": get(),
    "wagtailadmin_workflows:enable": get(pk="base_workflow"),
    "wagtailadmin_workflows:disable": get(pk="base_workflow"),
    "wagtailadmin_workflows:edit": get(pk="base_workflow"),
    "wagtailadmin_workflows:usage": get(pk="base_workflow"),
    "wagtailadmin_workflows:usage_results": get(pk="base_workflow"),
    "wagtailadmin_workflows:remove": [
        get(page_pk="private_base"),
        get(page_pk="private_base", workflow_pk="base_workflow"),
    ],
    "wagtailadmin_workflows:add_task": get(app_label=lit("wagtailcore"), model_name=lit("groupapprovaltask")),
    "wagtailadmin_workflows:select_task_type": get(),
    "wagtailadmin_workflows:task_index": get(*SEARCH),
    "wagtailadmin_workflows:task_index_results": get(*SEARCHED),
    "wagtailadmin_workflows:edit_task": get(pk="base_task"),
    "wagtailadmin_workflows:disable_task": get(pk="base_task"),
    "wagtailadmin_workflows:enable_task": get(pk="base_task"),
    "wagtailadmin_workflows:task_chooser": SHADOWED,
    "wagtailadmin_workflows:task_chooser_results": SHADOWED,
    "wagtailadmin_workflows:task_chooser_create": SHADOWED,
    "wagtailadmin_workflows:task_chosen": SHADOWED,
    "wagtailadmin_reports:locked_pages": SHADOWED,
    "wagtailadmin_reports:locked_pages_results": SHADOWED,
    "wagtailadmin_reports:workflow": SHADOWED,
    "wagtailadmin_reports:workflow_results": SHADOWED,
    "wagtailadmin_reports:workflow_tasks": SHADOWED,
    "wagtailadmin_reports:workflow_tasks_results": SHADOWED,
    "wagtailadmin_reports:site_history": SHADOWED,
    "wagtailadmin_reports:site_history_results": SHADOWED,
    "wagtailadmin_reports:aging_pages": SHADOWED,
    "wagtailadmin_reports:aging_pages_results": SHADOWED,
    "wagtailadmin_reports:page_types_usage": SHADOWED,
    "wagtailadmin_reports:page_types_usage_results": SHADOWED,
    # Reports, the task chooser and the page chooser's "chosen" answer for several ids, as
    # accounts/admin_urls.py answers them (before Wagtail's patterns, which they shadow).
    "admin/reports/locked/": get(),
    "admin/reports/locked/results/": get(),
    "admin/reports/workflow/": get(),
    "admin/reports/workflow/results/": get(),
    "admin/reports/workflow_tasks/": get(),
    "admin/reports/workflow_tasks/results/": get(),
    "admin/reports/site-history/": get(),
    "admin/reports/site-history/results/": get(),
    "admin/reports/aging-pages/": get(),
    "admin/reports/aging-pages/results/": get(),
    "admin/reports/page-types-usage/": get(),
    "admin/reports/page-types-usage/results/": get(),
    "admin/workflows/task_chooser/": get(*SEARCH),
    "admin/workflows/task_chooser/results/": get(*SEARCHED),
    "admin/workflows/task_chooser/create/": get(),
    "admin/workflows/task_chooser/<int:task_id>/": get(task_id="base_task"),
    "admin/choose-page/": get(),
    "admin/choose-page/<int:parent_page_id>/": get(parent_page_id=PARENTS),
    "admin/choose-page/search/": get(f"q={SEARCH_WORD}", f"q={SEARCH_WORD}&page_type=resources.resourcepage"),
    "admin/choose-page/chosen-multiple/": get(ALL_PAGE_IDS),
    # ---- forms, redirects, settings, sites, users and groups ------------------------------------
    "wagtailforms:index": SHADOWED,
    "wagtailforms:index_results": SHADOWED,
    "admin/forms/": get(*SEARCH),
    "admin/forms/results/": get(*SEARCHED),
    "wagtailforms:list_submissions": get(page_id="private_base"),
    "wagtailforms:list_submissions_results": get(page_id="private_base"),
    "wagtailforms:delete_submissions": get(page_id="private_base"),
    "wagtailredirects:index": get("", "q=mk"),
    "wagtailredirects:index_results": get("q=mk"),
    "wagtailredirects:add": get(),
    "wagtailredirects:edit": get(redirect_id="redirect"),
    "wagtailredirects:delete": get(redirect_id="redirect"),
    "wagtailredirects:start_import": get(),
    "wagtailredirects:process_import": get(),  # POST only: its GET must still answer cleanly
    "wagtailsettings:edit": [settings_views(with_pk=False), settings_views(with_pk=True)],
    "wagtailsettings:preview_on_edit": settings_views(with_pk=True),
    "wagtailsites:index": get(),
    "wagtailsites:index_results": get(),
    "wagtailsites:add": get(),
    "wagtailsites:edit": get(pk=site_pk),
    "wagtailsites:delete": get(pk=site_pk),
    "wagtailsites:history": get(pk=site_pk),
    "wagtailsites:history_results": get(pk=site_pk),
    "wagtailsites:usage": get(pk=site_pk),
    "wagtailsites:copy": get(pk=site_pk),
    "wagtailusers_users:index": get("", "q=mkownerlast", "export=csv"),
    "wagtailusers_users:index_results": get("q=mkownerlast"),
    "wagtailusers_users:add": get(),
    "wagtailusers_users:edit": get(pk="owner"),
    "wagtailusers_users:delete": get(pk="owner"),
    "accounts_sign_out_everywhere": get(user_id="owner"),
    "wagtailusers_users:history": get(pk="owner"),
    "wagtailusers_users:history_results": get(pk="owner"),
    "wagtailusers_users:usage": get(pk="owner"),
    "wagtailusers_users:copy": get(pk="owner"),
    "wagtailusers_groups:index": get("", "q=mk"),
    "wagtailusers_groups:index_results": get("q=mk"),
    "wagtailusers_groups:add": get(),
    "wagtailusers_groups:edit": get(pk="members_group"),
    "wagtailusers_groups:delete": get(pk="members_group"),
    "wagtailusers_groups:history": get(pk="members_group"),
    "wagtailusers_groups:history_results": get(pk="members_group"),
    "wagtailusers_groups:usage": get(pk="members_group"),
    # ---- our viewsets: profile and collection choosers, reports, questionnaire, search log ------
    "profile_chooser:choose": get("", "q=mkowner"),
    "profile_chooser:choose_results": get("q=mkowner"),
    "profile_chooser:chosen": get(pk=("owner", "other_owner")),
    "profile_chooser:chosen_multiple": get("id={owner.pk}"),
    "profile_chooser:create": get(),
    "public_collection_chooser:choose": get(*SEARCH),
    "public_collection_chooser:choose_results": get(*SEARCHED),
    "public_collection_chooser:chosen": get(pk=("private_collection", "base_collection")),
    "public_collection_chooser:chosen_multiple": get("id={private_collection.pk}&id={base_collection.pk}"),
    "public_collection_chooser:create": get(),
    "mes_ressources:index": get(*SEARCH),
    "mes_ressources:index_results": get("", *SEARCHED),
    "mes_ressources:choose_parent": get(),
    "signalements:index": get("", "status=open", "status=resolved"),
    "signalements:index_results": get(""),
    "signalements:add": get(),
    "signalements:edit": get(pk="report"),
    "signalements:delete": get(pk="report"),
    "signalements:history": get(pk="report"),
    "signalements:history_results": get(pk="report"),
    "signalements:usage": get(pk="report"),
    **{
        f"{viewset}:{view}": request
        for viewset, moderated in (
            ("moderation_recommandations", "rating"),
            ("moderation_reponses", "reply"),
            ("moderation_collections", ("private_collection", "base_collection")),
        )
        for view, request in (
            ("index", get("", "q=mk")),
            ("index_results", get("")),
            ("add", get()),
            ("edit", get(pk=moderated)),
            ("delete", get(pk=moderated)),
            ("history", get(pk=moderated)),
            ("history_results", get(pk=moderated)),
            ("usage", get(pk=moderated)),
        )
    },
    "avis_sur_le_site:index": get("", "export=csv"),
    "avis_sur_le_site:index_results": get(),
    "avis_sur_le_site:add": get(),
    "avis_sur_le_site:edit": get(pk="site_feedback"),
    "avis_sur_le_site:delete": get(pk="site_feedback"),
    "avis_sur_le_site:history": get(pk="site_feedback"),
    "avis_sur_le_site:history_results": get(pk="site_feedback"),
    "avis_sur_le_site:usage": get(pk="site_feedback"),
    "avis_sur_le_site:inspect": get(pk="site_feedback"),
    "search_log:index": get("", "q=mk"),
    "search_log:index_results": get(),
    "search_log:add": get(),
    "search_log:edit": get(pk="search_log"),
    "search_log:delete": get(pk="search_log"),
    "search_log:history": get(pk="search_log"),
    "search_log:history_results": get(pk="search_log"),
    "search_log:usage": get(pk="search_log"),
    "search_log:inspect": get(pk="search_log"),
    # ---- snippets: wagtail-dsfr's models and the site's menus -----------------------------------
    "wagtailsnippets:index": get(),
    **snippet("wagtail_dsfr_content_manager", "tag", SNIPPET_ACTIONS, chooser_answered_here=True),
    **snippet("wagtail_dsfr_content_manager", "megamenu", SNIPPET_ACTIONS),
    **snippet("wagtail_dsfr_blog", "organization", (*SNIPPET_ACTIONS, "reorder")),
    **snippet("wagtail_dsfr_blog", "person", (*SNIPPET_ACTIONS, "reorder")),
    **snippet("wagtail_dsfr_blog", "category", (*SNIPPET_ACTIONS, "reorder")),
    **snippet("wagtailmenus", "mainmenu", SNIPPET_ACTIONS[:-1]),
    **snippet("wagtailmenus", "flatmenu", SNIPPET_ACTIONS),
}
