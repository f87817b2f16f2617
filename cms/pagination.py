from django.core.paginator import Paginator

PER_PAGE = 16


def paginate(request, queryset, per_page: int = PER_PAGE):
    """The requested page of ``queryset``; a malformed or out-of-range ``page`` gives the nearest one."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
