"""Log records that name the request they belong to, as plain text or one JSON object per line.

`RequestIdMiddleware` (kuntajako.middleware) puts each request's id in `request_id`; the filter
copies it onto every record logged while the request runs, so the lines of one request can be
found together, and the id is sent back in the `X-Request-ID` header. `LOG_FORMAT=json` writes
each record as one JSON object for a log collector; plain text is the default.
"""

import contextvars
import json
import logging
from datetime import UTC, datetime

request_id = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
