"""Included from solutions.urls without a namespace of its own: names live under `solutions:`."""

from django.urls import path

from solutions import attachments
from solutions.moderation import views

urlpatterns = [
    path("attachments/<int:pk>/", attachments.download, name="attachment_download"),
    path("moderation/", views.queue, name="moderation_queue"),
    path("moderation/<int:pk>/", views.review, name="moderation_review"),
    path("moderation/<int:pk>/claim/", views.claim, name="moderation_claim"),
    path("moderation/<int:pk>/release/", views.release, name="moderation_release"),
    path("solutions/<slug:slug>/history/", views.solution_history, name="solution_history"),
]
