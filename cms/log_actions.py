from wagtail.log_actions import LogFormatter


def register_formatted_actions(actions, formats: dict[str, tuple[str, str]]) -> None:
    """Register audit log actions whose message fills a template with the entry's data:
    ``{action: (label, message template)}``."""
    for action, (label, template) in formats.items():
        formatter = type(
            "FormattedLogFormatter",
            (LogFormatter,),
            {
                "label": label,
                "format_message": lambda self, entry, template=template: template.format(**entry.data),
            },
        )
        actions.register_action(action)(formatter)
