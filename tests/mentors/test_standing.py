"""Standing mentors through the services: the planner on real teams and mentors, pins, capacity,
hand-made pairs, challenge mentors, judging conflicts, and what the help queue makes of them."""
from datetime import timedelta

import pytest

from hackathon.extensions import db
from hackathon.judging import assignments
from hackathon.judging.conflicts import conflict_reason
from hackathon.mentors import dispatch, matching, positions, profiles, roster, standing, upkeep
from hackathon.mentors.errors import MentorFull, NotEventMentor, NotEventTeam
from hackathon.models import Assignment, Membership, MentoringSettings, TeamMentor, TeamSkill
from hackathon.models.types import utcnow
from tests.factories import make_assignment, make_challenge, make_event, make_member, make_submission
from tests.mentors.helpers import ask, make_asking_team, make_mentor, reload, set_mode


def pairs(event):
    db.session.expire_all()
    return {(p.team.name, p.mentor.display_name): p.is_pinned for p in roster.event_pairs(event)}


def named_teams(event, *names):
    return [make_asking_team(event, name=name)[0] for name in names]


def test_the_planner_gives_every_team_a_mentor_with_balanced_loads(event):
    named_teams(event, "A", "B", "C", "D", "E")
    make_mentor(event, display_name="Mira"), make_mentor(event, display_name="Noah")
    plan = standing.run_planner(event, 1)
    assert len(plan.add) == 5 and not plan.shortfalls
    loads = sorted(sum(1 for _, mentor in pairs(event) if mentor == name) for name in ("Mira", "Noah"))
    assert loads == [2, 3]
    assert db.session.get(MentoringSettings, event.id).mentors_per_team == 1


def test_running_again_changes_nothing_and_a_late_team_gets_the_least_loaded_mentor(event):
    named_teams(event, "A", "B", "C")
    make_mentor(event, display_name="Mira"), make_mentor(event, display_name="Noah")
    standing.run_planner(event, 1)
    before = pairs(event)
    again = standing.run_planner(event, 1)
    assert not again.add and not again.remove and pairs(event) == before
    named_teams(event, "D")
    late = standing.run_planner(event, 1)
    after = pairs(event)
    assert {k: v for k, v in after.items() if k[0] != "D"} == before and len(late.add) == 1
    assert sorted(sum(1 for _, m in after if m == name) for name in ("Mira", "Noah")) == [2, 2]


def test_skills_and_challenges_pick_the_mentor(event):
    grid = make_challenge(event, title="Grid")
    owls, bus = named_teams(event, "Owls", "Bus")
    db.session.add(TeamSkill(team_id=bus.id, name="react"))
    make_submission(event, owls, [grid], status="draft")
    mira, noah = make_mentor(event, ["python"], display_name="Mira"), make_mentor(event, ["react"], display_name="Noah")
    sven = make_mentor(event, ["gis"], display_name="Sven")
    standing.attach_to_challenge(event, grid, sven)
    standing.run_planner(event, 1)
    got = pairs(event)
    assert ("Owls", "Sven") in got and ("Bus", "Noah") in got and not any(m == "Mira" for _, m in got)
    assert [m.display_name for m in roster.mentors_of_challenge(grid)] == ["Sven"]
    assert standing.attach_to_challenge(event, grid, sven).mentor_id == sven.id  # twice: still one
    assert len(roster.challenge_mentor_rows(event)[grid.id]) == 1


def test_a_mentors_limit_is_respected_and_the_rest_are_short(event):
    named_teams(event, "A", "B", "C")
    mira = make_mentor(event, display_name="Mira")
    profiles.set_team_limit(event, mira, 2)
    plan = standing.run_planner(event, 1)
    assert len(plan.add) == 2 and sum(plan.shortfalls.values()) == 1


def test_a_pinned_pair_survives_a_rerun_after_the_team_changed_challenge(event):
    grid, mobility = make_challenge(event, title="Grid"), make_challenge(event, title="Mobility")
    owls, = named_teams(event, "Owls")
    entry = make_submission(event, owls, [grid], status="draft")
    mira, noah = make_mentor(event, display_name="Mira"), make_mentor(event, display_name="Noah")
    standing.attach_to_challenge(event, grid, mira)
    standing.attach_to_challenge(event, mobility, noah)
    standing.run_planner(event, 1)
    assert pairs(event) == {("Owls", "Mira"): False}
    entry.challenges = [mobility]
    db.session.commit()
    standing.run_planner(event, 1)
    assert pairs(event) == {("Owls", "Noah"): False}  # unpinned: it follows the team
    pair = roster.mentors_of_team(owls)[0]
    standing.set_pinned(event, pair, True)
    entry.challenges = [grid]
    db.session.commit()
    standing.run_planner(event, 1)
    assert pairs(event) == {("Owls", "Noah"): True}


def test_assigning_by_hand_pins_and_refuses_a_full_mentor(event):
    owls, bus = named_teams(event, "Owls", "Bus")
    mira = make_mentor(event, display_name="Mira")
    organizer = make_member(event, "organizer")
    profiles.set_team_limit(event, mira, 1)
    row = standing.assign_by_hand(event, owls, mira, organizer)
    assert row.is_pinned and row.assigned_by_id == organizer.id
    with pytest.raises(MentorFull, match="Mira already mentors 1 team"):
        standing.assign_by_hand(event, bus, mira, organizer)
    standing.set_pinned(event, row, False)
    assert standing.assign_by_hand(event, owls, mira, organizer).is_pinned  # again: pins it


def test_assigning_refuses_teams_and_mentors_of_other_events(event):
    owls, = named_teams(event, "Owls")
    other = make_event("hacking")
    organizer = make_member(event, "organizer")
    with pytest.raises(NotEventMentor):
        standing.assign_by_hand(event, owls, make_mentor(other), organizer)
    with pytest.raises(NotEventTeam):
        standing.assign_by_hand(event, make_asking_team(other)[0], make_mentor(event), organizer)


def test_removing_a_pair_lets_the_planner_fill_the_team_again(event):
    owls, = named_teams(event, "Owls")
    make_mentor(event, display_name="Mira")
    standing.run_planner(event, 1)
    standing.remove_pair(event, roster.mentors_of_team(owls)[0])
    assert pairs(event) == {}
    standing.run_planner(event, 1)
    assert pairs(event) == {("Owls", "Mira"): False}


def test_a_mentor_who_left_the_event_is_dropped_on_the_next_run(event):
    owls, = named_teams(event, "Owls")
    mira, noah = make_mentor(event, display_name="Mira"), make_mentor(event, display_name="Noah")
    standing.assign_by_hand(event, owls, mira, make_member(event, "organizer"))
    db.session.execute(db.delete(Membership).where(Membership.user_id == mira.id))
    db.session.commit()
    assert roster.mentors_of_team(owls) == []
    standing.run_planner(event, 1)
    assert pairs(event) == {("Owls", "Noah"): False}


def test_a_judge_who_is_a_standing_mentor_is_conflicted_and_never_assigned(event):
    owls, bus = named_teams(event, "Owls", "Bus")
    greta = make_mentor(event, display_name="Greta")
    db.session.add(Membership(user_id=greta.id, event_id=event.id, role="judge"))
    db.session.commit()
    owls_entry = make_submission(event, owls, status="submitted")
    make_submission(event, bus, status="submitted")
    make_assignment(greta, owls_entry)
    standing.assign_by_hand(event, owls, greta, make_member(event, "organizer"))
    assert conflict_reason(event, greta, owls) == "is one of the team's standing mentors"
    assert conflict_reason(event, greta, bus) is None
    assert db.session.scalar(db.select(Assignment).where(Assignment.submission_id == owls_entry.id)) is None
    assignments.run_assignment(event, 1)
    assert {a.submission.team.name for a in assignments.all_assignments(event)} == {"Bus"}


# ---- the help queue knows a team's own mentors ---------------------------------------------------

def test_a_request_goes_to_the_teams_own_mentor_first_then_matching_then_everyone(event):
    set_mode(event, "suggest", match_minutes=2)
    team, [ada] = make_asking_team(event)
    own = make_mentor(event, ["react"], display_name="Own")
    python = make_mentor(event, ["python"], display_name="Python")
    standing.assign_by_hand(event, team, own, make_member(event, "organizer"))
    request = ask(ada, event, tags=["python"])
    assert request.own_until is not None and request.matching_until == request.own_until + timedelta(minutes=2)

    def tier(mentor, tags):
        r = reload(request)
        return matching.offer_tier(dispatch.ask_of(r), mentor.id, tags, r.matching_until is None,
                                   r.own_until is not None)

    assert (tier(own, ["react"]), tier(python, ["python"])) == (matching.OWN, matching.LATER)
    upkeep.end_own_rounds(request.own_until + timedelta(seconds=1))
    assert (tier(own, ["react"]), tier(python, ["python"])) == (matching.OWN, matching.MATCH)
    upkeep.open_to_everyone(reload(request).matching_until + timedelta(seconds=1))
    outsider = make_mentor(event, ["go"])
    assert tier(outsider, ["go"]) == matching.EVERYONE


def test_no_first_round_when_the_teams_own_mentor_is_away(event):
    team, [ada] = make_asking_team(event)
    own = make_mentor(event, availability="away")
    standing.assign_by_hand(event, team, own, make_member(event, "organizer"))
    make_mentor(event, ["python"])
    request = ask(ada, event, tags=["python"])
    assert request.own_until is None and request.matching_until is not None


def test_auto_assign_gives_the_request_to_the_teams_own_mentor(event):
    set_mode(event, "auto")
    team, [ada] = make_asking_team(event)
    make_mentor(event, ["python"], display_name="Python")
    own = make_mentor(event, display_name="Own")
    standing.assign_by_hand(event, team, own, make_member(event, "organizer"))
    request = ask(ada, event, tags=["python"])
    assert reload(request).claimed_by_id == own.id


def test_the_eta_is_no_wait_when_the_teams_own_mentor_is_free(event):
    first_team, [ben] = make_asking_team(event)
    team, [ada] = make_asking_team(event)
    ask(ben, event, "first")
    own = make_mentor(event, availability="away")
    standing.assign_by_hand(event, team, own, make_member(event, "organizer"))
    request = ask(ada, event, "second")
    assert positions.standing_of(request).eta_minutes is None  # nobody on duty
    profiles.set_availability(event, own, "available")
    assert positions.standing_of(reload(request)).eta_minutes == 0.0
    assert positions.standing_of(reload(request)).position == 2


def test_a_released_request_has_no_first_round_any_more(event):
    from hackathon.mentors import claims

    team, [ada] = make_asking_team(event)
    own = make_mentor(event)
    standing.assign_by_hand(event, team, own, make_member(event, "organizer"))
    request = ask(ada, event)
    assert request.own_until is not None
    claims.release_request(claims.claim_request(request, own), own)
    assert reload(request).own_until is None


def test_a_limit_outside_the_range_is_refused(event):
    from hackathon.mentors.errors import BadNumber

    with pytest.raises(BadNumber):
        profiles.set_team_limit(event, make_mentor(event), 101)
    with pytest.raises(BadNumber):
        standing.run_planner(event, 0)


def test_dissolved_teams_get_no_mentor(event):
    owls, bus = named_teams(event, "Owls", "Bus")
    make_mentor(event, display_name="Mira")
    bus.dissolved_at = utcnow()
    db.session.commit()
    standing.run_planner(event, 1)
    assert pairs(event) == {("Owls", "Mira"): False}
    assert db.session.scalar(db.select(db.func.count()).select_from(TeamMentor)) == 1


# ---- real concurrency: threads released together through a barrier (tests/concurrency.py) ----------

def test_organizers_assigning_a_mentors_last_place_at_once_fill_it_once(app, event):
    from hackathon.models import Team, User
    from tests.concurrency import run_at_once

    team_ids = [make_asking_team(event)[0].id for _ in range(6)]
    mira = make_mentor(event)
    profiles.set_team_limit(event, mira, 1)
    organizer_id, mira_id = make_member(event, "organizer").id, mira.id

    def assign(team_id):
        team = db.session.get(Team, team_id)
        return standing.assign_by_hand(team.event, team, db.session.get(User, mira_id),
                                       db.session.get(User, organizer_id)).id

    results = run_at_once(app, assign, team_ids)
    assert len([r for r in results if isinstance(r, int)]) == 1, results
    assert all(isinstance(r, MentorFull) for r in results if not isinstance(r, int)), results
    assert db.session.scalar(db.select(db.func.count()).select_from(TeamMentor)) == 1


def test_planner_runs_at_once_give_each_team_exactly_its_mentors(app, event):
    from hackathon.models import Event
    from tests.concurrency import run_at_once

    for _ in range(5):
        make_asking_team(event)
    for _ in range(3):
        make_mentor(event)
    event_id = event.id

    results = run_at_once(app, lambda k: len(standing.run_planner(db.session.get(Event, event_id), k).add), [2] * 4)
    assert all(isinstance(r, int) for r in results), results
    counts = db.session.execute(db.select(TeamMentor.team_id, db.func.count()).group_by(TeamMentor.team_id)).all()
    assert sorted(n for _, n in counts) == [2] * 5
