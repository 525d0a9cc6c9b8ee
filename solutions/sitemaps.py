"""Sitemaps for search engines: only published solutions, with every language version of each page."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from municipalities.models import Organisation, Region
from solutions.models import Solution


class CatalogueSitemap(Sitemap):
    # Each page exists in every interface language; search engines get all of them as alternates.
    i18n = True
    alternates = True
    x_default = True


class SolutionSitemap(CatalogueSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Solution.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, solution):
        return solution.updated_at


class OrganisationSitemap(CatalogueSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Organisation.objects.only("slug").order_by("pk")


class RegionSitemap(CatalogueSitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Region.objects.only("code").order_by("code")


class PageSitemap(CatalogueSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return [
            "solutions:home",
            "solutions:solution_list",
            "municipalities:organisation_list",
            "municipalities:region_list",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "solutions": SolutionSitemap,
    "organisations": OrganisationSitemap,
    "regions": RegionSitemap,
}
