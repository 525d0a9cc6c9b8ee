from django.urls import path

from solutions.interfaces import exports, views

app_name = "interfaces"

urlpatterns = [
    path("organisations/<slug:slug>/members/api-tokens/", views.token_list, name="tokens"),
    path("organisations/<slug:slug>/members/api-tokens/<int:pk>/revoke/", views.revoke, name="revoke"),
    path("exports/solutions.csv", exports.solutions_csv, name="solutions_csv"),
]
