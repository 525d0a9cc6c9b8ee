"""Filters of the organisation list: region, kind of body, size class, and a name search."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation, OrganisationKind, Region, SizeClass


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_name", label=_("Name"))
    region = django_filters.ModelChoiceFilter(
        queryset=Region.objects.all(), to_field_name="code", label=_("Region"), empty_label=_("All regions")
    )
    kind = django_filters.ChoiceFilter(
        choices=OrganisationKind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    size = django_filters.ChoiceFilter(
        choices=SizeClass.choices, method="filter_size", label=_("Size"), empty_label=_("All sizes")
    )
    publishing = django_filters.BooleanFilter(
        method="filter_publishing",
        label=_("Only organisations that publish solutions"),
        widget=django_filters.widgets.forms.CheckboxInput,
    )

    class Meta:
        model = Organisation
        fields: list[str] = []

    def filter_name(self, qs, name, value):
        value = value.strip()
        if not value:
            return qs
        return qs.filter(
            Q(name_fi__icontains=value) | Q(name_sv__icontains=value) | Q(name_en__icontains=value)
        )

    def filter_size(self, qs, name, value):
        return qs.of_size(value)

    def filter_publishing(self, qs, name, value):
        # The view annotates the count of published solutions.
        return qs.filter(solution_count__gt=0) if value else qs
