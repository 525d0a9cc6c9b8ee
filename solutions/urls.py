"""The catalogue's pages, under the `solutions:` namespace.

kuntajako.urls adds the community's and the notifications' pages to the same namespace, so this
app's URL configuration does not import the apps above it.
"""

from django.urls import include, path

from solutions import views

app_name = "solutions"

urlpatterns = [
    path("", views.home, name="home"),
    path("solutions/", views.solution_list, name="solution_list"),
    path("search/suggestions/", views.search_suggestions, name="search_suggestions"),
    path("solutions/<slug:slug>/", views.solution_detail, name="solution_detail"),
    path("", include("solutions.editor.urls")),
    path("", include("solutions.moderation.urls")),
]
