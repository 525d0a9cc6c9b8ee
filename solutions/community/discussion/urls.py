"""Included from solutions.urls under the `solutions:discussion:` namespace."""

from django.urls import path

from solutions.community.discussion import views

app_name = "discussion"

urlpatterns = [
    path("solutions/<slug:slug>/comments/", views.add_comment, name="add_comment"),
    path("comments/<int:pk>/edit/", views.edit_comment, name="edit_comment"),
    path("comments/<int:pk>/delete/", views.delete_comment, name="delete_comment"),
    path("report/<str:kind>/<int:pk>/", views.report, name="report"),
    path("moderation/hide/<str:kind>/<int:pk>/", views.hide, name="hide"),
    path("moderation/posts/<int:pk>/", views.moderation_item, name="moderation_item"),
    path("moderation/reports/<int:pk>/dismiss/", views.dismiss_reports, name="dismiss_reports"),
    path("moderation/held/<int:pk>/approve/", views.approve_held, name="approve_held"),
    path("moderation/held/<int:pk>/reject/", views.reject_held, name="reject_held"),
]
