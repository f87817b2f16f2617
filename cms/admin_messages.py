"""Confirmations of our own in place of Wagtail's after an editor's action."""

from django.contrib import messages


def replace_success_message(request, text: str) -> None:
    """Show ``text`` instead of the success messages Wagtail added (« La page … a été mise à jour »…),
    keeping any warning or error. Django's message storage, once iterated, keeps only what is added
    afterwards."""
    kept = [message for message in messages.get_messages(request) if message.level != messages.SUCCESS]
    for message in kept:
        messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    messages.success(request, text)
