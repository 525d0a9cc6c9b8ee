"""Login throttling: lock the (account, address) pair, and an address that tries too many accounts.

django-axes counts failed logins. A lock by account alone lets anyone lock anyone out (five wrong
passwords for a victim's address, from anywhere); a lock by address alone lets one address guess
every account slowly. So:

- five failures (AXES_FAILURE_LIMIT) for one account from one address lock that pair: the same
  person elsewhere (home, phone) still logs in with the right password;
- many failures from one address, whatever accounts they name (LOGIN_FAILURES_PER_ADDRESS, 50 by
  default), lock that address: a guesser or a password sprayer stops there.

Both locks last AXES_COOLOFF_TIME. Behind a load balancer every request comes from the balancer's
address unless AXES_PROXY_COUNT says how many proxies to skip in X-Forwarded-For: without it the
per-address limit would lock everyone at once (see README, Deployment).
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class PairAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """The pair's failures, or the lock limit itself once the address passed its own limit
        (axes compares this one number with AXES_FAILURE_LIMIT, both before and after a failure)."""
        pair_failures = super().get_failures(request, credentials)
        if self.address_failures(request) >= settings.LOGIN_FAILURES_PER_ADDRESS:
            return max(pair_failures, get_failure_limit(request, credentials))
        return pair_failures

    def address_failures(self, request) -> int:
        attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
