"""The page chooser names a page by its live title unless the user may edit it.

Wagtail's chooser (8.0, ``wagtail.admin.views.chooser``) names each page by its admin display title,
the title of its latest revision: a live public page that someone else is editing would show the
title of their unpublished draft to whoever links to it. These views are Wagtail's, answered first
at the same paths (``accounts/admin_urls.py``), with title and parent columns that give the pages the
user may not edit their live title.
"""

from django.urls import reverse
from wagtail.admin.views import chooser
from wagtail.models import Page

from cms.page_permissions import choosable_pages, editable_pages


class LiveTitles:
    """Gives the pages of one chooser answer that ``user`` may not edit their live title as admin
    title; which of them (and of their parents) the user may edit is asked once, in one query."""

    def __init__(self, user):
        self.user = user
        self.editable = None

    def apply(self, page, rows):
        if self.editable is None:
            paths = {row.path for row in rows} | {row.path[: -Page.steplen] for row in rows if row.depth > 1}
            self.editable = set(editable_pages(self.user).filter(path__in=paths).values_list("pk", flat=True))
        if page.pk not in self.editable:
            page.draft_title = page.title
        return page


class LiveTitleColumn(chooser.PageTitleColumn):
    def __init__(self, *args, titles, **kwargs):
        super().__init__(*args, **kwargs)
        self.titles = titles

    def get_cell_context_data(self, instance, parent_context):
        self.titles.apply(instance, parent_context["table"].data)
        return super().get_cell_context_data(instance, parent_context)


class LiveParentTitleColumn(chooser.ParentPageColumn):
    def __init__(self, *args, titles, **kwargs):
        super().__init__(*args, **kwargs)
        self.titles = titles

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if context["value"] is not None:
            self.titles.apply(context["value"], parent_context["table"].data)
        return context


class LiveTitleColumnsMixin:
    @property
    def columns(self):
        titles = LiveTitles(self.request.user)
        columns = []
        for column in super().columns:
            if isinstance(column, chooser.PageTitleColumn):
                column = LiveTitleColumn(
                    column.name,
                    label=column.label,
                    is_multiple_choice=column.is_multiple_choice,
                    titles=titles,
                )
            elif isinstance(column, chooser.ParentPageColumn):
                column = LiveParentTitleColumn(column.name, label=column.label, titles=titles)
            columns.append(column)
        return columns


class BrowseView(LiveTitleColumnsMixin, chooser.BrowseView):
    pass


class SearchView(LiveTitleColumnsMixin, chooser.SearchView):
    pass


class ChosenMultipleView(chooser.ChosenMultipleView):
    """The answer for several ids, as Wagtail's (8.0): only the pages the user may choose, by the title
    they may read."""

    def get(self, request):
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        pages = list(choosable_pages(request.user).filter(pk__in=ids).specific())
        titles = LiveTitles(request.user)
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": titles.apply(page, pages).get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ]
        return self.render_chosen_response(result)
