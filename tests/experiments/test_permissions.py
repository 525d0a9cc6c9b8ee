"""Who may open calls, submit, review and run experiments, and describe savings: every persona."""

import pytest
from django.contrib.auth.models import AnonymousUser

from municipalities import permissions
from solutions.community.models import Adoption, AdoptionStatus
from solutions.experiments.models import Experiment, ReviewState

PERSONAS = ["visitor", "unverified", "member", "editor", "org_admin", "outsider_admin", "coordinator"]


@pytest.fixture
def people(request, db):
    found = {"visitor": AnonymousUser()}
    for name in PERSONAS[1:]:
        found[name] = request.getfixturevalue(name)
    return found


def allowed(people, action, obj=None):
    return {name for name, user in people.items() if permissions.may(user, action, obj)}


def test_open_call_only_coordinator(people):
    assert allowed(people, "open_call") == {"coordinator"}


def test_submit_to_an_open_call_editors_and_admins(people, call, closed_call, organisation):
    assert allowed(people, "submit_experiments", call) == {"editor", "org_admin", "outsider_admin"}
    assert allowed(people, "submit_experiment", Experiment(call=call, organisation=organisation)) == {
        "editor",
        "org_admin",
    }
    assert allowed(people, "submit_experiments", closed_call) == set()
    assert (
        allowed(people, "submit_experiment", Experiment(call=closed_call, organisation=organisation)) == set()
    )


def test_view_a_waiting_experiment_its_organisation_and_coordinators(people, make_experiment, organisation):
    waiting = make_experiment(organisation, review_state=ReviewState.SUBMITTED)
    assert allowed(people, "view_experiment", waiting) == {"member", "editor", "org_admin", "coordinator"}
    published = make_experiment(organisation)
    assert allowed(people, "view_experiment", published) == set(PERSONAS)


def test_review_coordinators_but_not_their_own_organisations(
    people, make_experiment, organisation, coordinator
):
    waiting = make_experiment(organisation, review_state=ReviewState.SUBMITTED)
    assert allowed(people, "review_experiment", waiting) == {"coordinator"}
    own = make_experiment(coordinator.memberships.get().organisation, review_state=ReviewState.SUBMITTED)
    assert allowed(people, "review_experiment", own) == set()


def test_run_editors_and_admins_of_the_organisation_once_published(people, make_experiment, organisation):
    assert allowed(people, "run_experiment", make_experiment(organisation)) == {"editor", "org_admin"}
    waiting = make_experiment(organisation, review_state=ReviewState.SUBMITTED)
    assert allowed(people, "run_experiment", waiting) == set()


def test_describe_saving_editors_and_admins_of_the_adopter(people, organisation, other_organisation):
    adoption = Adoption(organisation=organisation, status=AdoptionStatus.IN_USE)
    assert allowed(people, "describe_saving", adoption) == {"editor", "org_admin"}
