from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """`?page=2&page_size=50`: the answer has count, next and previous links, and the results.

    A page size that is not a whole number from 1 to the maximum is refused with 400 rather than
    silently replaced, so a client learns of its mistake.
    """

    page_size_query_param = "page_size"

    @property
    def page_size(self):
        return settings.API_PAGE_SIZE

    @property
    def max_page_size(self):
        return settings.API_MAX_PAGE_SIZE

    def get_page_size(self, request):
        return self._number(request, self.page_size_query_param, self.max_page_size) or self.page_size

    def get_page_number(self, request, paginator):
        return self._number(request, self.page_query_param) or 1

    def _number(self, request, name, maximum=None) -> int | None:
        values = request.query_params.getlist(name)
        if not values:
            return None
        raw = values[0]
        valid = len(values) == 1 and raw.isascii() and raw.isdigit() and int(raw) >= 1
        if not valid or (maximum is not None and int(raw) > maximum):
            message = (
                _("Give one whole number from 1 to %(max)d.") % {"max": maximum}
                if maximum
                else _("Give one whole number from 1 up.")
            )
            raise ValidationError({name: [message]})
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters
