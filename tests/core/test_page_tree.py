from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail_dsfr.content_manager.models import ContentPage

from bases.models import BaseIndexPage, BasePage
from home.models import HomePage
from resources.models import ResourceIndexPage, ResourcePage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(BaseIndexPage, HomePage)

    def test_home_page_holds_the_indexes_and_editorial_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {ResourceIndexPage, BaseIndexPage, ContentPage})

    def test_resource_index_holds_only_resources(self):
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage})
        self.assertAllowedParentPageTypes(ResourceIndexPage, {HomePage})

    def test_base_index_holds_only_bases(self):
        self.assertAllowedSubpageTypes(BaseIndexPage, {BasePage})
        self.assertAllowedParentPageTypes(BaseIndexPage, {HomePage})

    def test_a_base_holds_only_resources(self):
        self.assertAllowedSubpageTypes(BasePage, {ResourcePage})
        self.assertAllowedParentPageTypes(BasePage, {BaseIndexPage})

    def test_a_resource_lives_in_a_base_or_the_resource_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ResourcePage, {BasePage, ResourceIndexPage})
        self.assertAllowedSubpageTypes(ResourcePage, set())
        self.assertCanNotCreateAt(HomePage, ResourcePage)
        self.assertCanNotCreateAt(BaseIndexPage, ResourcePage)
