from django.urls import path

from solutions.editor import views

app_name = "editor"

urlpatterns = [
    path("our-solutions/", views.our_solutions, name="our_solutions"),
    path("our-solutions/new/", views.create, name="create"),
    path("our-solutions/<slug:slug>/", views.edit, name="edit"),
    path("our-solutions/<slug:slug>/submit/", views.submit, name="submit"),
    path("our-solutions/<slug:slug>/archive/", views.archive, name="archive"),
    path("our-solutions/<slug:slug>/restore/", views.restore, name="restore"),
    path("our-solutions/<slug:slug>/attachments/", views.attachments, name="attachments"),
]
