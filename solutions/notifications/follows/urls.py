from django.urls import path

from solutions.notifications.follows import views

app_name = "follows"

urlpatterns = [
    path("following/", views.following, name="following"),
    path("following/<str:kind>/<str:key>/", views.follow, name="follow"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/<int:pk>/read/", views.mark_read, name="mark_read"),
    path("notifications/settings/", views.notification_settings, name="settings"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
