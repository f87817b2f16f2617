"""``/images/<name>``: an image rendition, served under the media rule (``cms.media.access``).

The address is the rendition's own (``cms.storage`` gives it to every rendition), so it is stable:
pages that anonymous visitors read can be kept by an edge cache with their images' addresses, and a
public rendition is cached there too. A private one is sent to its readers only, never cached in common."""

from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from cms.media import Access, access
from cms.storage import RENDITIONS

PUBLIC_MAX_AGE = 3600
# How long the bucket's signed address stays valid: beyond the time a cache may keep the redirect.
SIGNED_FOR = {Access.PUBLIC: 2 * PUBLIC_MAX_AGE, Access.PRIVATE: 300}


def rendition_url(image, spec: str) -> str:
    """The address of ``image``'s rendition; "" for no image, or while the storage cannot make it (the
    bucket does not answer): what shows it without the picture still answers, as Wagtail's ``{% image %}``
    tag does."""
    if image is None:
        return ""
    try:
        return image.get_rendition(spec).url
    except SourceImageIOError:
        return ""


@require_safe
def serve(request, name):
    rendition_model = get_image_model().get_rendition_model()
    rendition = rendition_model.objects.select_related("image").filter(file=RENDITIONS + name).first()
    granted = rendition and access(request.user, rendition.image)
    if not granted:
        raise Http404
    try:
        path = rendition.file.path
    except NotImplementedError:  # a bucket: the browser fetches the file there, signed
        response = redirect(rendition.file.storage.signed_url(rendition.file.name, SIGNED_FOR[granted]))
    else:
        try:
            response = FileResponse(open(path, "rb"))  # noqa: SIM115 (FileResponse closes it)
        except FileNotFoundError as missing:
            raise Http404 from missing
        response["X-Content-Type-Options"] = "nosniff"
    if granted == Access.PUBLIC:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
