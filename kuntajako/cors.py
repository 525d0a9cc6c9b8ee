"""CORS for reading the API from any web page.

Only reads: GET, HEAD and OPTIONS under /api/ get `Access-Control-Allow-Origin: *`. Writes get no
CORS headers, so a browser never sends one across origins; they need a token in the Authorization
header, which a preflight is not allowed to ask for here. No cookies are involved in the API, so
the wildcard reveals nothing a plain request would not. Fourteen lines do not need a dependency.
"""

READ_METHODS = {"GET", "HEAD", "OPTIONS"}


class ReadOnlyApiCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/") and request.method in READ_METHODS:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Link"
            if request.method == "OPTIONS":
                response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
                response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
                response["Access-Control-Max-Age"] = "86400"
        return response
