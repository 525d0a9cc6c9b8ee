"""The API tokens page of an organisation, beside its member management.

Admins of the organisation see, create and revoke its tokens; coordinators see and revoke them (to
stop misuse) but do not create them, since a token acts as the admin who created it. Visitors are
sent to log in; anyone else gets 403. The secret of a new token is shown once, on the answer to the
form, and never stored.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from municipalities import permissions
from municipalities.models import Organisation
from solutions.interfaces.forms import TokenForm
from solutions.interfaces.services import tokens as service


def _organisation(slug):
    return get_object_or_404(Organisation.objects.select_related("region"), slug=slug)


@require_http_methods(["GET", "POST"])
def token_list(request, slug):
    organisation = _organisation(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    permissions.require(request.user, "manage_api_tokens", organisation)
    may_create = permissions.may(request.user, "create_api_token", organisation)
    form, secret, created, status = TokenForm(), None, None, 200
    if request.method == "POST":
        permissions.require(request.user, "create_api_token", organisation)
        form = TokenForm(request.POST)
        if form.is_valid():
            created, secret = service.create_token(
                organisation, request.user, name=form.cleaned_data["name"], scopes=form.cleaned_data["scopes"]
            )
            form = TokenForm()
        else:
            status = 400
    context = {
        "organisation": organisation,
        "tokens": organisation.api_tokens.select_related("created_by", "revoked_by"),
        "form": form if may_create else None,
        "created": created,
        "secret": secret,
    }
    response = render(request, "interfaces/tokens.html", context, status=status)
    add_never_cache_headers(response)
    return response


@require_POST
def revoke(request, slug, pk):
    organisation = _organisation(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(organisation.get_absolute_url())
    permissions.require(request.user, "manage_api_tokens", organisation)
    token = get_object_or_404(organisation.api_tokens, pk=pk)
    service.revoke_token(token, request.user)
    messages.success(
        request, _("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name}
    )
    return redirect("interfaces:tokens", organisation.slug)
