from django.urls import path

from solutions.community.reuse import views

app_name = "reuse"

# Included under solutions/<slug>/ by solutions.urls.
urlpatterns = [
    path("use/<slug:organisation>/", views.adoption, name="adoption"),
    path("contact-persons/<slug:organisation>/", views.referent, name="referent"),
    path("ask-the-users/", views.ask, name="ask"),
]
