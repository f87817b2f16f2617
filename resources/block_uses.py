"""Counting how readers use the link and file blocks of a resource (clicks, downloads, previews shown),
for its editors. The page counts with beacons (resources/js/beacons.js), as it counts its views: it may
come from the edge cache. Every use counts, as in La Base; robots and other sites' pages do not."""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import F

from resources.blocks import UseKind
from resources.models import BlockUse

# Which block each kind of use belongs to; a preview only to a file block that shows one.
BLOCK_OF_KIND = {
    UseKind.LINK_CLICK: "link",
    UseKind.FILE_DOWNLOAD: "file",
    UseKind.FILE_PREVIEW: "file",
}


def may_count(resource, block_id: uuid.UUID, kind: str) -> bool:
    """Whether the published body of ``resource`` has this block, of the kind that has this use."""
    if kind not in BLOCK_OF_KIND:
        return False
    for block in resource.body:
        if block.id == str(block_id):
            if block.block_type != BLOCK_OF_KIND[kind]:
                return False
            return kind != UseKind.FILE_PREVIEW or bool(block.value["show_preview"])
    return False


def count(resource, block_id: uuid.UUID, kind: str) -> None:
    """One more use of the block: an atomic increment, the first one creating the counter."""
    counter = BlockUse.objects.filter(resource=resource, block_id=block_id, kind=kind)
    if counter.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            BlockUse.objects.create(resource=resource, block_id=block_id, kind=kind, count=1)
    except IntegrityError:  # created by a use counted at the same time
        counter.update(count=F("count") + 1)
