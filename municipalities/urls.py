from django.urls import path

from municipalities import views

app_name = "municipalities"

urlpatterns = [
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/join/", views.join, name="join"),
    path("organisations/<slug:slug>/leave/", views.leave, name="leave"),
    path("organisations/<slug:slug>/people/", views.people, name="people"),
    path("organisations/<slug:slug>/members/", views.manage_members, name="manage_members"),
    path("organisations/<slug:slug>/members/<int:pk>/decide/", views.decide, name="decide"),
    path("organisations/<slug:slug>/members/<int:pk>/role/", views.change_role, name="change_role"),
    path("organisations/<slug:slug>/members/<int:pk>/remove/", views.remove_member, name="remove_member"),
    path("organisations/<slug:slug>/edit/", views.edit_organisation, name="edit_organisation"),
    path("regions/", views.region_list, name="region_list"),
    path("regions/<str:code>/", views.region_detail, name="region_detail"),
]
