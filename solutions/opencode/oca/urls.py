from django.urls import path

from solutions.opencode.oca import views

app_name = "oca"

urlpatterns = [
    path("status", views.status, name="status"),
    path("openapi.yaml", views.schema, name="schema"),
    path("software", views.software_list, name="software_list"),
    path("software/<str:software_id>", views.software_detail, name="software_detail"),
    path("software/<str:software_id>/logs", views.software_logs, name="software_logs"),
    path("software/<str:software_id>/usedBy", views.software_used_by, name="software_used_by"),
    path("logs", views.log_list, name="log_list"),
    path("publishers", views.publisher_list, name="publisher_list"),
    path("publishers/<str:publisher_id>", views.publisher_detail, name="publisher_detail"),
]
