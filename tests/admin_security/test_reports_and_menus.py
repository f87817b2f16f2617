"""Reports, the page tree and settings menus stay with the staff who use them; typed directly, what
the menus hide is refused rather than shown."""

import json
import re

import pytest
from django.urls import reverse

from tests.admin_security.conftest import VIEWERS, assert_shows_only_what_they_may_see

pytestmark = pytest.mark.django_db

REPORTS = ["locked_pages", "workflow", "workflow_tasks", "site_history", "aging_pages", "page_types_usage"]
REFUSED_URLS = [
    *(reverse(f"wagtailadmin_reports:{name}") for name in REPORTS),
    *(reverse(f"wagtailadmin_reports:{name}_results") for name in REPORTS),
    reverse("wagtailadmin_workflows:task_chooser"),
    reverse("wagtailadmin_workflows:task_chooser_results"),
    "/admin/wagtailmenus/mainmenu/",
    "/admin/wagtailmenus/flatmenu/",
    "/admin/sites/",
    "/admin/groups/",
    "/admin/collections/",
    "/admin/redirects/",
    "/admin/workflows/list/",
]


def menu(client) -> dict[str, list[str]]:
    """The sidebar's menu, as its data says: each item's name and the names of its submenu."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = json.loads(re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)[1])
    main = next(module for module in props["modules"] if module["_type"] == "wagtail.sidebar.MainMenuModule")
    items = {}
    for item in main["_args"][0]:
        submenu = item["_args"][1] if len(item["_args"]) > 1 and isinstance(item["_args"][1], list) else []
        items[item["_args"][0]["name"]] = [child["_args"][0]["name"] for child in submenu]
    return items


@pytest.mark.parametrize(
    ("viewer", "reports", "explorer", "settings"),
    [
        ("contributeur", False, False, []),
        ("autre_base", False, False, []),
        ("membre", False, False, []),
        ("admin_base", False, False, []),
        ("moderateur", False, True, ["users"]),
        ("admin_plateforme", True, True, None),
    ],
)
def test_menus_per_role(viewer, reports, explorer, settings, client_of):
    """Contributors (base members and admins included) find their resources in « Mes ressources »,
    staff in the page explorer; everyone's help is the help centre, never Wagtail's guides."""
    items = menu(client_of(viewer))
    assert ("reports" in items) is reports
    assert ("explorer" in items) is explorer
    assert ("mes-ressources" in items) is not explorer
    assert {"images", "documents"} <= set(items)
    assert items["help"] == ["centre-d-aide", "keyboard-shortcuts-trigger"]
    if settings is not None:
        assert items.get("settings", []) == settings
    else:
        assert {"users", "groups"} <= set(items["settings"])


@pytest.mark.parametrize("viewer", ["contributeur", "autre_base", "membre", "admin_base", "moderateur"])
def test_hidden_admin_areas_are_refused_when_typed(viewer, content, client_of):
    client = client_of(viewer)
    for url in REFUSED_URLS:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert response.status_code == 403 or response.url == reverse("wagtailadmin_home"), url
        assert_shows_only_what_they_may_see(response, content, viewer, url)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_dashboard_names_nothing_private(viewer, content, client_of):
    response = client_of(viewer).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert_shows_only_what_they_may_see(response, content, viewer, "/admin/")


def test_platform_admins_read_the_reports(content, client_of):
    client = client_of("admin_plateforme")
    for name in REPORTS:
        assert client.get(reverse(f"wagtailadmin_reports:{name}")).status_code == 200, name
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert content["private_resource"].title in history
