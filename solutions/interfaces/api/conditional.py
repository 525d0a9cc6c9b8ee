"""ETag and Last-Modified on every successful read, and 304 when the client's copy is current.

The ETag is a hash of the JSON sent, so it changes exactly when the answer does (a page shifts when
a solution is published, even if no listed row changed). Last-Modified is the newest `updated_at`
among the objects in the answer, where they have one.
"""

import hashlib

from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date, quote_etag


class ConditionalMixin:
    def last_modified_of(self, data):
        if not isinstance(data, dict):
            return None
        # A page of a list, or one object (which may have a field called `results` of its own).
        rows = data["results"] if "count" in data and isinstance(data.get("results"), list) else [data]
        stamps = [
            parse_datetime(row["_modified"]) for row in rows if isinstance(row, dict) and row.get("_modified")
        ]
        return max(stamps) if stamps else None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        modified = self.last_modified_of(response.data)
        response.render()
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        response["ETag"] = etag
        response["Cache-Control"] = "public, max-age=60"
        response["Vary"] = "Accept, Authorization"
        timestamp = None
        if modified is not None:
            timestamp = int(modified.timestamp())
            response["Last-Modified"] = http_date(timestamp)
        return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)
