from django.urls import path

from kuntajako.pages import views
from kuntajako.pages.models import PageKind

app_name = "pages"

urlpatterns = [path(f"{kind}/", views.page, {"kind": kind}, name=kind) for kind in PageKind.values]
