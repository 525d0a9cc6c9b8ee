from django.urls import path

from solutions.maturity import views

app_name = "maturity"

urlpatterns = [
    path("maturity/", views.index, name="index"),
    path("organisations/<slug:slug>/maturity/", views.organisation, name="organisation"),
    path("organisations/<slug:slug>/maturity/start/", views.start, name="start"),
    path("organisations/<slug:slug>/maturity/<int:pk>/", views.assessment, name="assessment"),
    path("organisations/<slug:slug>/maturity/<int:pk>/answers/", views.answer, name="answer"),
    path("organisations/<slug:slug>/maturity/<int:pk>/submit/", views.confirm_submit, name="confirm_submit"),
    path("organisations/<slug:slug>/maturity/<int:pk>/publish/", views.publish, name="publish"),
    path("organisations/<slug:slug>/maturity/<int:pk>/print/", views.assessment_print, name="print"),
    path("organisations/<slug:slug>/roadmap/", views.organisation_roadmap, name="organisation_roadmap"),
    path("regions/<str:code>/roadmap/", views.region_roadmap, name="region_roadmap"),
    path("roadmaps/", views.national, name="national"),
    path("roadmaps/items/<int:pk>/", views.edit_item, name="edit_item"),
    path("roadmaps/<str:code>/", views.life_event, name="life_event"),
]
