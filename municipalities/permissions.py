"""Who may do what: the one place that answers it.

Every rule is a function `rule(user, obj)` registered under an action name. Views call
`require(user, action, obj)` (403, or 404 where the object's existence must not leak), templates use
`{% may "action" obj as allowed %}` from the `permissions` tag library, and querysets filter with
`Solution.objects.visible_to(user)`, which asks `roles` and `is_coordinator` here. Hiding a button
is never the check: the view asks the same rule.

This app sits at the bottom: the rules read the objects of the apps above (solutions, posts,
adoptions) only through their attributes and managers, never by importing them.

Roles come from active memberships: member < editor < admin in one organisation, and coordinator in
the coordinating organisation, which may moderate and manage every organisation. A user must have
confirmed their e-mail address before any membership counts. A user's memberships are read once
per request object and cached on it.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from municipalities.models import MembershipRole, MembershipState, Organisation, OrganisationKind, User

RANK = {MembershipRole.MEMBER: 1, MembershipRole.EDITOR: 2, MembershipRole.ADMIN: 3}
_CACHE = "_kuntajako_roles"

RULES: dict[str, Callable] = {}


def rule(name: str):
    def register(function):
        RULES[name] = function
        return function

    return register


def is_verified(user) -> bool:
    """Logged in, active and with a confirmed e-mail address."""
    return bool(user and user.is_authenticated and user.is_active and user.email_confirmed_at)


def roles(user) -> dict[int, str]:
    """{organisation id: role} of the user's active memberships (one query, cached on the user)."""
    if not is_verified(user):
        return {}
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = dict(
            user.memberships.filter(state=MembershipState.ACTIVE).values_list("organisation_id", "role")
        )
        setattr(user, _CACHE, cached)
    return cached


def forget_roles(user) -> None:
    """Drop the cached roles after a membership of `user` changed within the same request."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def role_in(user, organisation) -> str | None:
    return roles(user).get(_pk(organisation))


def has_role(user, organisation, at_least: str) -> bool:
    role = role_in(user, organisation)
    return role in RANK and RANK[role] >= RANK[at_least]


@rule("moderate")
def is_coordinator(user, obj=None) -> bool:
    if not is_verified(user):
        return False
    if user.is_superuser:
        return True
    coordinator_orgs = [org for org, role in roles(user).items() if role == MembershipRole.COORDINATOR]
    if not coordinator_orgs:
        return False
    cache = getattr(user, _CACHE + "_coordinator", None)
    if cache is None:
        cache = Organisation.objects.filter(
            pk__in=coordinator_orgs, kind=OrganisationKind.COORDINATOR
        ).exists()
        setattr(user, _CACHE + "_coordinator", cache)
    return cache


def coordinators():
    """The people `moderate` says yes to through their membership: confirmed, active coordinators
    of a coordinating organisation. (Superusers may moderate too but are not counted as
    coordinators: they are the site's technical staff, not its moderators.)"""
    return User.objects.filter(
        is_active=True,
        deleted_at__isnull=True,
        email_confirmed_at__isnull=False,
        pk__in=Organisation.objects.filter(
            kind=OrganisationKind.COORDINATOR,
            memberships__state=MembershipState.ACTIVE,
            memberships__role=MembershipRole.COORDINATOR,
        ).values("memberships__user_id"),
    )


def organisations_with_role(user, at_least: str) -> list[int]:
    """Ids of the organisations where the user has at least the given role."""
    return [org for org, role in roles(user).items() if role in RANK and RANK[role] >= RANK[at_least]]


# Organisations and people


@rule("request_membership")
def can_request_membership(user, organisation) -> bool:
    if not is_verified(user):
        return False
    return not user.memberships.filter(
        organisation=organisation, state__in=[MembershipState.ACTIVE, MembershipState.PENDING]
    ).exists()


@rule("manage_members")
def can_manage_members(user, organisation) -> bool:
    return has_role(user, organisation, MembershipRole.ADMIN) or is_coordinator(user)


@rule("create_api_token")
def can_create_api_token(user, organisation) -> bool:
    """Only the organisation's own admins: a token acts as the admin who made it (solutions.interfaces)."""
    return has_role(user, organisation, MembershipRole.ADMIN)


@rule("manage_api_tokens")
def can_manage_api_tokens(user, organisation) -> bool:
    """See and revoke the organisation's tokens: its admins, and coordinators stopping misuse."""
    return has_role(user, organisation, MembershipRole.ADMIN) or is_coordinator(user)


@rule("view_people")
def can_view_people(user, organisation) -> bool:
    return role_in(user, organisation) is not None or is_coordinator(user)


@rule("edit_organisation")
def can_edit_organisation(user, organisation) -> bool:
    return is_coordinator(user)


# The catalogue


@rule("create_solution")
def can_create_solution(user, organisation) -> bool:
    return has_role(user, organisation, MembershipRole.EDITOR)


@rule("work_on_solutions")
def can_work_on_solutions(user, obj=None) -> bool:
    """Editor or admin of at least one organisation: has an "our solutions" page."""
    return bool(organisations_with_role(user, MembershipRole.EDITOR))


@rule("edit_solution")
def can_edit_solution(user, solution) -> bool:
    return has_role(user, solution.organisation_id, MembershipRole.EDITOR)


@rule("view_solution")
def can_view_solution(user, solution) -> bool:
    """Published and archived solutions are public (an archived page says so); others only to their
    organisation and the coordinators."""
    if solution.is_public:
        return True
    return role_in(user, solution.organisation_id) is not None or is_coordinator(user)


@rule("submit_solution")
def can_submit_solution(user, solution) -> bool:
    """Send a solution (or an edit of a published one) to the coordinators for review."""
    return has_role(user, solution.organisation_id, MembershipRole.EDITOR)


@rule("archive_solution")
def can_archive_solution(user, solution) -> bool:
    """Archive or restore: the organisation's editors, and coordinators keeping the catalogue current."""
    return has_role(user, solution.organisation_id, MembershipRole.EDITOR) or is_coordinator(user)


@rule("view_decisions")
def can_view_decisions(user, solution) -> bool:
    """The moderation log of a solution: its organisation's members and the coordinators."""
    return role_in(user, solution.organisation_id) is not None or is_coordinator(user)


@rule("view_revision")
def can_view_revision(user, solution) -> bool:
    """What an edit of a published solution proposes before a coordinator approves it, such as the
    files it adds: the organisation's members and the coordinators, as for an unpublished solution."""
    return role_in(user, solution.organisation_id) is not None or is_coordinator(user)


@rule("download_attachment")
def can_download_attachment(user, attachment) -> bool:
    """An attachment of a solution the user may view; one that an edit adds (still waiting for review,
    or not accepted) only for those who may see the edit."""
    if attachment.revision_id is not None:
        return can_view_revision(user, attachment.solution)
    return can_view_solution(user, attachment.solution)


@rule("claim")
def can_claim(user, item=None) -> bool:
    return is_coordinator(user)


@rule("decide")
def can_decide(user, item=None) -> bool:
    """Coordinators decide, but not on what their own organisation submitted (four eyes) while
    another coordinator can; a one-person coordination team allows it with
    MODERATION_ALLOW_SOLE_COORDINATOR (each such decision is logged by the workflow)."""
    if not is_coordinator(user):
        return False
    if not is_own_submission(user, item):
        return True
    return settings.MODERATION_ALLOW_SOLE_COORDINATOR and not coordinators().exclude(pk=user.pk).exists()


def is_own_submission(user, item) -> bool:
    """Is `item` a submission or an edit by an organisation in which `user` has a role?"""
    if item is None or getattr(item, "kind", None) not in ("submission", "revision"):
        return False
    return role_in(user, item.organisation_id) is not None


@rule("follow")
def can_follow(user, obj=None) -> bool:
    """Follow anything public and be notified: any user with a confirmed address."""
    return is_verified(user)


@rule("participate")
def can_participate(user, obj=None) -> bool:
    """Comment, ask and answer, mark reuse: verified members of at least one organisation."""
    return bool(roles(user))


# Discussion and help requests. Posts (comments, help requests, answers) carry `author_id`, `state`
# and `organisation_id`; see solutions.community.models.discussion.

COMMENT_EDIT_WINDOW_SECONDS = 15 * 60


def _is_author(user, post) -> bool:
    return bool(user and user.is_authenticated and post.author_id == user.pk)


@rule("comment")
def can_comment(user, solution) -> bool:
    return can_participate(user) and solution.is_published


@rule("edit_comment")
def can_edit_comment(user, comment) -> bool:
    """Authors correct their own comment for 15 minutes after writing it."""
    if not _is_author(user, comment) or comment.deleted_at or comment.state == "hidden":
        return False
    return (timezone.now() - comment.created_at).total_seconds() < COMMENT_EDIT_WINDOW_SECONDS


@rule("delete_comment")
def can_delete_comment(user, comment) -> bool:
    return _is_author(user, comment) and not comment.deleted_at and comment.state != "hidden"


@rule("report")
def can_report(user, post) -> bool:
    """Anyone with a confirmed address may report what someone else wrote, while it is on show."""
    if not is_verified(user) or _is_author(user, post):
        return False
    return post.state == "published" and not getattr(post, "deleted_at", None)


@rule("hide")
def can_hide(user, post=None) -> bool:
    return is_coordinator(user)


@rule("ask_help")
def can_ask_help(user, organisation=None) -> bool:
    """Ask peers on behalf of an organisation the user belongs to (any of them when none is given)."""
    if organisation is None:
        return can_participate(user)
    return role_in(user, organisation) is not None


@rule("answer")
def can_answer(user, help_request) -> bool:
    return can_participate(user) and help_request.state == "published" and not _is_author(user, help_request)


@rule("accept_answer")
def can_accept_answer(user, help_request) -> bool:
    """The asking organisation decides which answer solved its problem."""
    return help_request.state == "published" and role_in(user, help_request.organisation_id) is not None


# Reuse


@rule("mark_adoption")
def can_mark_adoption(user, adoption) -> bool:
    """Say how an organisation uses a published solution: any of its verified members.

    The publisher does not mark its own solution; its own use is not reuse.
    """
    solution = adoption.solution
    return (
        solution.is_published
        and adoption.organisation_id != solution.organisation_id
        and role_in(user, adoption.organisation_id) is not None
    )


@rule("volunteer_as_referent")
def can_volunteer_as_referent(user, referent) -> bool:
    """Be the organisation's contact person for a solution it publishes, pilots or uses."""
    solution = referent.solution
    if not solution.is_published or role_in(user, referent.organisation_id) is None:
        return False
    if referent.organisation_id == solution.organisation_id:
        return True
    return solution.adoptions.counted().filter(organisation_id=referent.organisation_id).exists()


@rule("ask_referents")
def can_ask_referents(user, solution) -> bool:
    """Write to a solution's contact persons: verified members of an organisation besides the publisher."""
    return solution.is_published and any(org != solution.organisation_id for org in roles(user))


# Open source code: publiccode.yml import and harvesting (solutions.opencode)


@rule("import_publiccode")
def can_import_publiccode(user, organisation) -> bool:
    return has_role(user, organisation, MembershipRole.EDITOR)


@rule("manage_harvest")
def can_manage_harvest(user, organisation) -> bool:
    """Register and remove the organisation's harvested repositories."""
    return has_role(user, organisation, MembershipRole.EDITOR)


@rule("read_harvest_now")
def can_read_harvest_now(user, organisation) -> bool:
    return has_role(user, organisation, MembershipRole.EDITOR) or is_coordinator(user)


@rule("mark_trusted_publisher")
def can_mark_trusted_publisher(user, organisation=None) -> bool:
    return is_coordinator(user)


@rule("publish_trusted")
def can_publish_trusted(user, item) -> bool:
    """An editor of an organisation a coordinator marked trusted publishes its harvested changes at
    once (the organisation's `trusted_publisher`, set by the opencode app)."""
    organisation = item.organisation
    return has_role(user, organisation, MembershipRole.EDITOR) and hasattr(organisation, "trusted_publisher")


# Asking


def may(user, action: str, obj=None) -> bool:
    try:
        check = RULES[action]
    except KeyError:
        raise ValueError(f"Unknown permission {action!r}; known: {sorted(RULES)}") from None
    return bool(check(user, obj))


def require(user, action: str, obj=None, *, hide: bool = False) -> None:
    """Raise PermissionDenied (or Http404 with hide=True) unless `user` may do `action` to `obj`."""
    if not may(user, action, obj):
        if hide:
            raise Http404
        raise PermissionDenied


def _pk(obj) -> int:
    return obj if isinstance(obj, int) else obj.pk


# Digital maturity and roadmaps (solutions.maturity)


@rule("view_assessment")
def can_view_assessment(user, assessment) -> bool:
    """An assessment is private to its organisation's members until its admin publishes it."""
    return assessment.state == "published" or role_in(user, assessment.organisation_id) is not None


@rule("start_assessment")
def can_start_assessment(user, organisation) -> bool:
    return has_role(user, organisation, MembershipRole.EDITOR)


@rule("answer_assessment")
def can_answer_assessment(user, assessment) -> bool:
    """Editors and admins of the organisation answer and submit its draft, several of them at once."""
    return assessment.state == "draft" and has_role(user, assessment.organisation_id, MembershipRole.EDITOR)


@rule("publish_assessment")
def can_publish_assessment(user, assessment) -> bool:
    """Only the organisation's admin makes a submitted assessment public."""
    return assessment.state == "submitted" and has_role(
        user, assessment.organisation_id, MembershipRole.ADMIN
    )


@rule("edit_roadmap")
def can_edit_roadmap(user, owner) -> bool:
    """An organisation's roadmap: its editors. A region's: editors of a regional council of that region,
    and coordinators. `owner` is an Organisation or a Region (a Region has no `kind`)."""
    if isinstance(owner, Organisation):
        return has_role(user, owner, MembershipRole.EDITOR)
    if is_coordinator(user):
        return True
    councils = organisations_with_role(user, MembershipRole.EDITOR)
    return (
        bool(councils)
        and Organisation.objects.filter(
            pk__in=councils, kind=OrganisationKind.REGIONAL_COUNCIL, region_id=_pk(owner)
        ).exists()
    )


# Experiments, calls and savings (solutions.experiments). Calls carry `is_open`; experiments carry
# `organisation_id`, `review_state` and `call`; adoptions carry `organisation_id`.


@rule("open_call")
def can_open_call(user, obj=None) -> bool:
    """Calls for experiments are opened by the coordinators."""
    return is_coordinator(user)


@rule("submit_experiments")
def can_submit_experiments(user, call) -> bool:
    """Send experiments to an open call: editors and admins of any organisation."""
    return call.is_open and bool(organisations_with_role(user, MembershipRole.EDITOR))


@rule("submit_experiment")
def can_submit_experiment(user, experiment) -> bool:
    """Send this organisation's experiment to an open call: its editors and admins."""
    return experiment.call.is_open and has_role(user, experiment.organisation_id, MembershipRole.EDITOR)


@rule("view_experiment")
def can_view_experiment(user, experiment) -> bool:
    """Approved experiments are public; before that, their organisation's members and the coordinators."""
    if experiment.review_state == "published":
        return True
    return role_in(user, experiment.organisation_id) is not None or is_coordinator(user)


@rule("review_experiment")
def can_review_experiment(user, experiment) -> bool:
    """Coordinators approve or reject experiments, but not their own organisation's (four eyes)."""
    return is_coordinator(user) and role_in(user, experiment.organisation_id) is None


@rule("run_experiment")
def can_run_experiment(user, experiment) -> bool:
    """Start, finish or stop an approved experiment and record its results: its organisation's editors."""
    return experiment.review_state == "published" and has_role(
        user, experiment.organisation_id, MembershipRole.EDITOR
    )


@rule("describe_saving")
def can_describe_saving(user, adoption) -> bool:
    """Say how an adoption's savings were reached (method, period, currency): the adopter's editors."""
    return has_role(user, adoption.organisation_id, MembershipRole.EDITOR)


# The people network (solutions.people). A profile carries `user_id` and `user` (whose `is_active`,
# `deleted_at` and `email_confirmed_at` say whether the person can still be found).


@rule("view_people_directory")
def can_view_people_directory(user, obj=None) -> bool:
    """The directory of expertise is for signed-in, verified members of an organisation and for the
    coordinators; never for visitors or accounts that have not confirmed their address."""
    return can_participate(user) or is_coordinator(user)


@rule("join_people_directory")
def can_join_people_directory(user, obj=None) -> bool:
    """List oneself in the directory: members of an organisation, whose memberships it shows."""
    return can_participate(user)


def _findable(profile) -> bool:
    person = profile.user
    return bool(person.is_active and not person.deleted_at and person.email_confirmed_at)


@rule("view_person")
def can_view_person(user, profile) -> bool:
    return can_view_people_directory(user) and _findable(profile)


@rule("contact_person")
def can_contact_person(user, profile) -> bool:
    """Write to a listed person through the site, on behalf of one's own organisation."""
    return can_participate(user) and _findable(profile) and profile.user_id != user.pk


# News, blog posts and events (solutions.news): organisations' editors write, coordinators publish.
# Items carry `organisation_id` and `state` ("draft", "submitted", "published", "rejected").


@rule("write_news")
def can_write_news(user, organisation=None) -> bool:
    """Write for `organisation` (or, without one, for any organisation: has the "our news" page)."""
    if organisation is None:
        return bool(organisations_with_role(user, MembershipRole.EDITOR)) or is_coordinator(user)
    return has_role(user, organisation, MembershipRole.EDITOR) or is_coordinator(user)


@rule("view_news")
def can_view_news(user, item) -> bool:
    """Published items are public; others only to their organisation and the coordinators."""
    if item.state == "published":
        return True
    return role_in(user, item.organisation_id) is not None or is_coordinator(user)


@rule("edit_news")
def can_edit_news(user, item) -> bool:
    """Editors change their organisation's drafts and rejected items; once submitted or published
    only a coordinator changes the text (the editor's edit would bypass the review)."""
    if is_coordinator(user):
        return True
    return item.state in ("draft", "rejected") and has_role(user, item.organisation_id, MembershipRole.EDITOR)


@rule("submit_news")
def can_submit_news(user, item) -> bool:
    return item.state in ("draft", "rejected") and (
        has_role(user, item.organisation_id, MembershipRole.EDITOR) or is_coordinator(user)
    )


@rule("publish_news")
def can_publish_news(user, item=None) -> bool:
    """Publish at once or decide on a queued item: coordinators, never on their own submission."""
    if not is_coordinator(user):
        return False
    submitted_by = getattr(item, "submitted_by_id", None)
    return submitted_by is None or submitted_by != user.pk


@rule("add_event_material")
def can_add_event_material(user, event) -> bool:
    """Slides and handouts of a published event: its organisation's editors add them afterwards too."""
    return can_edit_news(user, event) or (
        event.state == "published" and has_role(user, event.organisation_id, MembershipRole.EDITOR)
    )


# Joint development initiatives (solutions.initiatives). An initiative carries `organisation_id`
# (the proposer), `status` and `is_open`; a partner carries `organisation_id`, `state` and its
# `initiative`. `confirmed_organisation_ids` is the set of the confirmed partners' organisations.


def _partner_role(user, initiative) -> bool:
    """A member of an organisation that is a confirmed partner of `initiative`."""
    return any(org in initiative.confirmed_organisation_ids for org in roles(user))


@rule("propose_initiative")
def can_propose_initiative(user, organisation=None) -> bool:
    """Propose a development need for an organisation: its editors and admins, and coordinators
    (for their coordinating organisation). Without an organisation: may they propose at all."""
    if organisation is None:
        return bool(organisations_with_role(user, MembershipRole.EDITOR)) or is_coordinator(user)
    if has_role(user, organisation, MembershipRole.EDITOR):
        return True
    return is_coordinator(user) and role_in(user, organisation) == MembershipRole.COORDINATOR


@rule("manage_initiative")
def can_manage_initiative(user, initiative) -> bool:
    """Move an open initiative on (agreed, in development) or close it: the proposing
    organisation's editors and admins, and coordinators."""
    if not initiative.is_open:
        return False
    return has_role(user, initiative.organisation_id, MembershipRole.EDITOR) or is_coordinator(user)


@rule("deliver_initiative")
def can_deliver_initiative(user, initiative) -> bool:
    """Turn an initiative in development into a solution of the proposing organisation: its editors,
    since the solution becomes theirs to publish."""
    return initiative.status == "in_development" and has_role(
        user, initiative.organisation_id, MembershipRole.EDITOR
    )


@rule("join_initiative")
def can_join_initiative(user, partner) -> bool:
    """Offer an organisation's commitment to an open initiative it is not in yet: the organisation's
    editors and admins (its admin confirms)."""
    initiative = partner.initiative
    if not initiative.is_open or partner.organisation_id == initiative.organisation_id:
        return False
    return has_role(user, partner.organisation_id, MembershipRole.EDITOR)


@rule("confirm_partner")
def can_confirm_partner(user, partner) -> bool:
    """Commit the organisation for real: only its own admin, while the initiative is open."""
    return (
        partner.state == "pending"
        and partner.initiative.is_open
        and has_role(user, partner.organisation_id, MembershipRole.ADMIN)
    )


@rule("withdraw_partner")
def can_withdraw_partner(user, partner) -> bool:
    """Take back an organisation's offer or commitment: its admin, or the editor while it waits."""
    if partner.state == "withdrawn" or partner.organisation_id == partner.initiative.organisation_id:
        return False
    if not partner.initiative.is_open:
        return False
    if has_role(user, partner.organisation_id, MembershipRole.ADMIN):
        return True
    return partner.state == "pending" and has_role(user, partner.organisation_id, MembershipRole.EDITOR)


@rule("post_initiative_update")
def can_post_initiative_update(user, initiative) -> bool:
    """Tell where the work stands: members of the confirmed partners, while it is not closed."""
    return initiative.status != "closed" and _partner_role(user, initiative)


@rule("read_partner_discussion")
def can_read_partner_discussion(user, initiative) -> bool:
    return _partner_role(user, initiative) or is_coordinator(user)


@rule("discuss_initiative")
def can_discuss_initiative(user, initiative) -> bool:
    """Write in the discussion open to everyone: any verified member of an organisation."""
    return can_participate(user) and initiative.status != "closed"


@rule("discuss_with_partners")
def can_discuss_with_partners(user, initiative) -> bool:
    return initiative.status != "closed" and _partner_role(user, initiative)
