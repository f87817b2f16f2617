"""Collections on the site: their page, their forms, saving a resource and ordering a collection."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from cms.pagination import paginate
from community import collections
from community.forms import CollectionForm, SaveForm
from community.metadata import collection_metadata
from community.models import Collection, CollectionItem
from resources.models import ResourcePage


def _visible_collection(request, pk) -> Collection:
    queryset = Collection.objects.visible_to(request.user).select_related("owner", "base")
    return get_object_or_404(queryset, pk=pk)


def _managed_collection(request, pk) -> Collection:
    """A collection the user may change; any other, existing or not, is a 404."""
    return get_object_or_404(Collection.objects.managed_by(request.user).select_related("base"), pk=pk)


def detail(request, pk, slug=None):
    collection = _visible_collection(request, pk)
    if slug != collection.slug:
        return redirect(collection, permanent=True)
    position = CollectionItem.objects.filter(collection=collection, resource=OuterRef("pk"))
    resources = (
        ResourcePage.objects.live()
        .visible_to(request.user)
        .filter(saves__collection=collection)
        .cards()
        .annotate(position=Subquery(position.values("position")[:1]))
        .order_by("position", "pk")
    )
    page_obj = paginate(request, resources)
    metadata = collection_metadata(collection, request)
    return render(
        request,
        "community/collection.html",
        {
            "collection": collection,
            "resources": page_obj,
            "can_manage": collection.is_managed_by(request.user),
            "total": page_obj.paginator.count,
            "metadata": metadata,
            "noindex": metadata is None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = CollectionForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        initial={"base": request.GET.get("base")},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not data["image"]:
            del data["image"]  # no upload: the field's empty default
        try:
            collection = collections.create_collection(request.user, **data)
        except collections.CollectionError as error:
            form.add_error("base", str(error))
        else:
            messages.success(request, f"La collection « {collection.title} » est créée.")
            return redirect(collection)
    return render(request, "community/collection_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    collection = _managed_collection(request, pk)
    form = CollectionForm(request.POST or None, request.FILES or None, instance=collection, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "La collection a été enregistrée.")
        return redirect(collection)
    return render(request, "community/collection_form.html", {"form": form, "collection": collection})


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    collection = _managed_collection(request, pk)
    if collection.is_favorites:
        messages.error(request, "La collection « Mes favoris » ne peut pas être supprimée.")
        return redirect(collection)
    if request.method == "POST":
        collections.delete_collection(collection, by=request.user)
        messages.success(request, f"La collection « {collection.title} » a été supprimée.")
        if collection.base_id:
            return redirect(collection.base.url + "?onglet=collections#onglets")
        return redirect("profile", slug=request.user.slug)
    return render(request, "community/collection_delete.html", {"collection": collection})


@login_required
@require_http_methods(["GET", "POST"])
def save(request, resource_id):
    """Choose the collections a resource is saved in: a plain form page, for every browser."""
    resource = get_object_or_404(ResourcePage.objects.visible_to(request.user), pk=resource_id)
    saved_in = Collection.objects.managed_by(request.user).filter(items__resource=resource)
    data = request.POST if request.method == "POST" else None  # unchecking everything posts nothing
    form = SaveForm(data, user=request.user, initial={"collections": saved_in})
    if request.method == "POST" and form.is_valid():
        chosen = list(form.cleaned_data["collections"])
        if form.cleaned_data["new_collection"]:
            chosen.append(collections.create_collection(request.user, form.cleaned_data["new_collection"]))
        collections.set_saves(resource, chosen, by=request.user)
        messages.success(request, _saved_message(chosen))
        return redirect(resource.url)
    return render(request, "community/collection_save.html", {"form": form, "resource": resource})


def _saved_message(chosen) -> str:
    if not chosen:
        return "La ressource n'est plus enregistrée dans vos collections."
    titles = ", ".join(f"« {collection.title} »" for collection in chosen)
    return f"La ressource est enregistrée dans : {titles}."


def _collection_action(operation):
    """A POST changing a collection: run the operation, say what went wrong, return to the page."""

    @login_required
    @require_POST
    def view(request, pk, **kwargs):
        collection = _managed_collection(request, pk)
        try:
            anchor = operation(request, collection, **kwargs)
        except collections.CollectionError as error:
            messages.error(request, str(error))
            anchor = ""
        return redirect(collection.get_absolute_url() + _page_query(request) + anchor)

    return view


def _page_query(request) -> str:
    page = request.POST.get("page", "")
    return f"?page={page}" if page.isdigit() and page != "1" else ""


@_collection_action
def move_up(request, collection, resource_id):
    collections.move(collection, resource_id, -1, by=request.user)
    return f"#ressource-{resource_id}"


@_collection_action
def move_down(request, collection, resource_id):
    collections.move(collection, resource_id, +1, by=request.user)
    return f"#ressource-{resource_id}"


@_collection_action
def reorder(request, collection):
    try:
        resource_ids = [int(value) for value in request.POST.getlist("ressources")]
    except ValueError:
        raise collections.CollectionError(
            "Cet ordre ne correspond pas aux ressources de la collection."
        ) from None
    collections.reorder(collection, resource_ids, by=request.user)
    messages.success(request, "L'ordre de la collection a été enregistré.")
    return ""


@_collection_action
def remove(request, collection, resource_id):
    """Take a resource out of the collection; the message names it only to those who may read it
    (the id comes from the URL: any other resource is a 404)."""
    resource = ResourcePage.objects.filter(pk=resource_id, saves__collection=collection).first()
    if resource is None:
        raise Http404
    collections.remove_resource(collection, resource, by=request.user)
    if ResourcePage.objects.visible_to(request.user).filter(pk=resource.pk).exists():
        messages.success(request, f"« {resource.title} » a été retirée de la collection.")
    else:
        messages.success(request, "La ressource a été retirée de la collection.")
    return ""
