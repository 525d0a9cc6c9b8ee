"""Included from solutions.urls under the `solutions:help:` namespace."""

from django.urls import path

from solutions.community.help import views

app_name = "help"

urlpatterns = [
    path("", views.help_list, name="list"),
    path("ask/", views.ask, name="ask"),
    path("suggest/", views.suggest, name="suggest"),
    path("<int:pk>/", views.help_detail, name="detail"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/accept/", views.accept, name="accept"),
]
