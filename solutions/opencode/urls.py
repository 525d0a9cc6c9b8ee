from django.urls import path

from solutions.opencode import views

app_name = "opencode"

urlpatterns = [
    path("publiccode/import/", views.import_page, name="import"),
    path("solutions/<slug:slug>/publiccode.yml", views.export, name="export"),
    path("organisations/<slug:slug>/repositories/", views.harvest_status, name="harvest_status"),
    path("organisations/<slug:slug>/repositories/<uuid:uuid>/", views.harvest_action, name="harvest_action"),
    path("organisations/<slug:slug>/repositories/trusted/", views.trusted, name="trusted"),
]
