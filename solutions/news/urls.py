from django.urls import path

from solutions.news import feeds, views

app_name = "news"

urlpatterns = [
    path("news/", views.post_list, name="posts"),
    path("news/files/<int:pk>/", views.attachment, name="attachment"),
    path("news/<slug:slug>/", views.post_detail, name="post"),
    path("news/<slug:slug>/edit/", views.post_edit, name="post_edit"),
    path("events/", views.event_list, name="events"),
    path("events/calendar.ics", views.events_ics, name="events_ics"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("events/<slug:slug>/calendar.ics", views.event_ics, name="event_ics"),
    path("events/<slug:slug>/edit/", views.event_edit, name="event_edit"),
    path("write/", views.mine, name="mine"),
    path("write/news/new/", views.post_new, name="post_new"),
    path("write/events/new/", views.event_new, name="event_new"),
    path("write/<str:model_name>/<slug:slug>/submit/", views.submit, name="submit"),
    path("write/<str:model_name>/<slug:slug>/files/", views.attachment_add, name="attachment_add"),
    path(
        "write/<str:model_name>/<slug:slug>/files/<int:pk>/remove/",
        views.attachment_remove,
        name="attachment_remove",
    ),
    path("moderation/news/<int:pk>/", views.review, name="review"),
    path("feeds/news/", feeds.NewsFeed(), name="post_feed"),
    path("feeds/events/", feeds.EventsFeed(), name="event_feed"),
]
