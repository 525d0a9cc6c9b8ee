"""Per-client throttling in the shared cache: a token counts for itself, anyone else by address.

The rates are read from settings.API_THROTTLE_RATES on every request (DRF's own classes read them
once at import), so a deployment or a test can change them with ordinary settings.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class ClientRateThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        # The scope is chosen per request in allow_request; this is the anonymous default.
        return settings.API_THROTTLE_RATES["anonymous"]

    def allow_request(self, request, view):
        token = getattr(request, "auth", None)
        kind = "token" if token is not None and hasattr(token, "prefix") else "anonymous"
        self.rate = settings.API_THROTTLE_RATES[kind]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        self.kind, self.token = kind, token
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        ident = self.token.prefix if self.kind == "token" else self.get_ident(request)
        return f"throttle_api_{self.kind}_{ident}"
