"""The initiatives' pages, under /initiatives/ in every language (namespace `initiatives:`)."""

from django.urls import path

from solutions.initiatives import views

app_name = "initiatives"

urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("propose/", views.propose, name="propose"),
    path("suggest/", views.suggest, name="suggest"),
    path("<slug:slug>/", views.initiative_detail, name="detail"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/partners/<int:pk>/confirm/", views.confirm_partner, name="confirm_partner"),
    path("<slug:slug>/partners/<int:pk>/withdraw/", views.withdraw_partner, name="withdraw_partner"),
    path("<slug:slug>/status/<slug:action>/", views.change_status, name="status"),
    path("<slug:slug>/write/<slug:where>/", views.write, name="write"),
    path("<slug:slug>/messages/<int:pk>/hide/", views.hide_message, name="hide_message"),
]
