from django.urls import path

from solutions.experiments import views
from solutions.experiments.feeds import ExperimentsFeed

app_name = "experiments"

urlpatterns = [
    path("experiments/", views.index, name="index"),
    path("experiments/feed/", ExperimentsFeed(), name="feed"),
    path("experiments/calls/new/", views.open_call, name="open_call"),
    path("experiments/calls/<slug:slug>/", views.call_detail, name="call_detail"),
    path("experiments/calls/<slug:slug>/submit/", views.submit, name="submit"),
    path("experiments/<slug:slug>/", views.experiment_detail, name="experiment_detail"),
    path("experiments/<slug:slug>/start/", views.start, name="start"),
    path("experiments/<slug:slug>/stop/", views.stop, name="stop"),
    path("experiments/<slug:slug>/finish/", views.finish, name="finish"),
    path("experiments/<slug:slug>/solution/", views.make_solution, name="make_solution"),
    path("experiments/<slug:slug>/review/", views.review, name="review"),
    path("savings/", views.savings_page, name="savings"),
    path("savings/solutions/<slug:slug>/", views.solution_savings, name="savings_solution"),
    path("savings/adoptions/<int:pk>/", views.adoption_saving, name="adoption_saving"),
]
