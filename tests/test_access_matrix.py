"""Every route × every kind of visitor gets the answer it should (see tests/access/)."""
import importlib
import pkgutil
from collections import defaultdict
from types import SimpleNamespace

import pytest

from tests import access, factories
from tests.access import ALLOW, DENY, HIDDEN, LOGIN, VISITORS

ROWS = [row for module in pkgutil.iter_modules(access.__path__)
        for row in importlib.import_module(f"tests.access.{module.name}").ROWS]


@pytest.fixture
def world(app):
    """One published event with people in every role, a draft event, and another event."""
    event = factories.make_event(phase="registration")
    draft = factories.make_event(is_published=False)
    other = factories.make_event()
    people = {role: factories.make_member(event, role)
              for role in ("participant", "mentor", "judge", "organizer", "volunteer")}
    people["other_organizer"] = factories.make_member(other, "organizer")
    people["site_admin"] = factories.make_user(is_site_admin=True)
    mentor_membership = people["mentor"].memberships[0]
    challenge = factories.make_challenge(event)
    live = factories.make_event(phase="hacking")
    team = factories.make_team(event, [people["participant"]])
    submission = factories.make_submission(event, team, [challenge], status="draft")
    submission_file = factories.make_submission_file(submission)
    judging_event = factories.make_event(phase="judging")
    judging_submission = factories.make_submission(
        judging_event, factories.make_team(judging_event, [factories.make_member(judging_event, "participant")]))
    criterion = factories.make_criterion(event)
    assignment = factories.make_assignment(people["judge"], submission)
    conflict = factories.make_conflict(people["judge"], team)
    names = dict(
        team_id=team.id, **_team_names(event, other, team), submission_id=submission.id, submission_file_id=submission_file.id,
        judging_slug=judging_event.slug, judging_submission_id=judging_submission.id,
        criterion_id=criterion.id, assignment_id=assignment.id, judge_id=people["judge"].id,
        conflict_id=conflict.id,
        challenge_id=challenge.id, attachment_id=factories.make_attachment(challenge).id,
        live_slug=live.slug, live_challenge_id=factories.make_challenge(live).id,
        live_draft_challenge_id=factories.make_challenge(live, is_draft=True).id,
        slug=event.slug, draft_slug=draft.slug, invite_token=factories.make_invite(event, "mentor", max_uses=50).token,
        invite_id=factories.make_invite(event).id, other_invite_id=factories.make_invite(other).id,
        mentor_membership_id=mentor_membership.id,
        announcement_id=factories.make_announcement(event).id,
        other_announcement_id=factories.make_announcement(other).id,
        **_voting_names(event, judging_event),
        **_mentor_names(event, other, people["mentor"], team),
        **_registration_names(event, other),
    )
    return SimpleNamespace(people=people, names=names)


def _team_names(event, other, team) -> dict:
    """A second member, a participant looking for a team who asked to join it, and another event's team."""
    from hackathon.models import JoinRequest, TeamMember, TeamSeeker

    member, seeker = factories.make_participant(event), factories.make_participant(event)
    factories.db.session.add_all([TeamMember(event_id=event.id, team_id=team.id, user_id=member.id),
                                  TeamSeeker(event_id=event.id, user_id=seeker.id)])
    ask = JoinRequest(event_id=event.id, team_id=team.id, user_id=seeker.id, sent_by_id=seeker.id)
    factories.db.session.add(ask)
    factories.db.session.commit()
    other_team = factories.make_team(other, [factories.make_participant(other)])
    return dict(team_code=team.invite_code, member_id=member.id, seeker_id=seeker.id, ask_id=ask.id,
                other_team_id=other_team.id)


def _voting_names(event, judging_event) -> dict:
    """A voting code of the world's event, and voting open in the judging event with a code of its own."""
    from hackathon.voting import codes, services

    services.open_voting(judging_event)
    return dict(voting_code=codes.generate_codes(event, 1)[0].code,
                judging_voting_code=codes.generate_codes(judging_event, 1)[0].code)


def _mentor_names(event, other, mentor, team) -> dict:
    """A help request of the world's team that its mentor is helping, and a waiting one of another event."""
    from hackathon.models import HelpRequest
    from hackathon.models.types import utcnow

    other_team = factories.make_team(other, [factories.make_participant(other)])
    mine = HelpRequest(event_id=event.id, team_id=team.id, active_team_id=team.id, topic="Stuck", status="claimed",
                       claimed_by_id=mentor.id, active_mentor_id=mentor.id, claimed_at=utcnow(),
                       first_claimed_at=utcnow())
    theirs = HelpRequest(event_id=other.id, team_id=other_team.id, active_team_id=other_team.id, topic="Lost")
    factories.db.session.add_all([mine, theirs])
    factories.db.session.commit()
    return dict(help_request_id=mine.id, other_help_request_id=theirs.id, mentor_user_id=mentor.id,
                **_standing_names(event, other, mentor, team, other_team))


def _standing_names(event, other, mentor, team, other_team) -> dict:
    """The world's team with the world's mentor as its standing mentor, and a standing pair of another event."""
    from hackathon.models import TeamMentor

    mine = TeamMentor(event_id=event.id, team_id=team.id, mentor_id=mentor.id)
    theirs = TeamMentor(event_id=other.id, team_id=other_team.id, mentor_id=factories.make_member(other, "mentor").id)
    factories.db.session.add_all([mine, theirs])
    factories.db.session.commit()
    return dict(standing_pair_id=mine.id, other_standing_pair_id=theirs.id)


def _registration_names(event, other) -> dict:
    """A question and a confirmed application (with its check-in code) of the world's event, and another event's."""
    application = factories.make_application(event, status="confirmed")
    return dict(question_id=factories.make_question(event).id, other_question_id=factories.make_question(other).id,
                application_id=application.id, checkin_code=application.checkin_code,
                other_application_id=factories.make_application(other, status="confirmed").id)


def _outcome(response) -> str:
    if response.status_code >= 500:
        return f"server error {response.status_code}"
    if response.status_code in (301, 302, 303) and "/account/login" in response.headers["Location"]:
        return LOGIN
    return {401: LOGIN, 403: DENY, 404: HIDDEN}.get(response.status_code, ALLOW)


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.method} {row.path}")
def test_access(row, visitor, world, client, auth):
    if visitor != "anonymous":
        assert auth.login(world.people[visitor]).status_code == 302
    path = row.path.format(**world.names)
    data = {key: value.format(**world.names) for key, value in row.data.items()}
    response = client.open(path, method=row.method, data=data)
    assert _outcome(response) == row.outcome(visitor), response.get_data(as_text=True)[:400]


def test_every_route_is_in_the_matrix(app):
    """A new route without a row here fails, so nobody forgets to decide who may use it."""
    adapter = app.url_map.bind("localhost")
    covered = set()
    for row in ROWS:
        try:
            path = row.path.format_map(defaultdict(lambda: "1"))
            covered.add((adapter.match(path, method=row.method)[0], row.method))
        except Exception:  # unknown paths (404 rows) cover nothing
            continue
    routes = {(rule.endpoint, method) for rule in app.url_map.iter_rules()
              for method in rule.methods - {"HEAD", "OPTIONS"} if rule.endpoint != "static"}
    assert routes - covered == set()
