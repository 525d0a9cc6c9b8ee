"""The people network under /<language>/people/, namespace `people:`."""

from django.urls import path

from solutions.people import views

app_name = "people"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("me/", views.my_profile, name="my_profile"),
    path("me/leave/", views.leave, name="leave"),
    path("<int:pk>/", views.profile, name="profile"),
    path("<int:pk>/contact/", views.contact, name="contact"),
    path("topics/service-class/<str:code>/", views.service_class_topic, name="service_class_topic"),
    path("topics/keyword/<slug:slug>/", views.tag_topic, name="tag_topic"),
]
