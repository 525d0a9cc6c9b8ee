"""Token authentication for the write API: `Authorization: Bearer kj_…`.

The request's user becomes the admin who created the token (see services.tokens); `request.auth`
is the token, whose scopes the permission classes read.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from solutions.interfaces.services import tokens


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Give the token after the word Bearer."))
        try:
            secret = header[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("The token is not valid.")) from None
        token = tokens.authenticate(secret)
        if token is None:
            raise exceptions.AuthenticationFailed(_("The token is not valid, revoked, or no longer allowed."))
        return token.created_by, token

    def authenticate_header(self, request):
        return self.keyword


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = TokenAuthentication
    name = "organisationToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A token an organisation's admin creates on the organisation's API tokens page.",
        }


class HasScope(permissions.BasePermission):
    """A token with the scope the view names (`required_scopes` by HTTP method)."""

    message = _("This token does not have the scope this needs.")

    def has_permission(self, request, view):
        token = request.auth
        if token is None or not hasattr(token, "scopes"):
            return False
        needed = view.required_scope(request)
        return needed in token.scopes
