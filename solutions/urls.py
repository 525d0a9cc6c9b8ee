from django.urls import include, path

from solutions import views

app_name = "solutions"

urlpatterns = [
    path("", views.home, name="home"),
    path("solutions/", views.solution_list, name="solution_list"),
    path("search/suggestions/", views.search_suggestions, name="search_suggestions"),
    path("solutions/<slug:slug>/", views.solution_detail, name="solution_detail"),
    path("solutions/<slug:slug>/", include("solutions.reuse.urls")),
    path("", include("solutions.editor.urls")),
    path("", include("solutions.moderation.urls")),
    path("", include("solutions.follows.urls")),
    path("", include("solutions.discussion.urls")),
    path("help/", include("solutions.help.urls")),
]
