"""Turning the planner's answer into assignments, and hand-made changes with the same checks."""
from ..errors import DomainError
from ..extensions import db
from ..models import Assignment, Event, JudgeChallenge, Score, Submission, User
from ..realtime import emitters
from . import assigning
from .conflicts import conflict_pairs, conflict_reason, event_judges

MAX_JUDGES_PER_ENTRY = 20


class AssignmentError(DomainError):
    """An assignment rule refused the change."""


def judged_entries(event: Event) -> list[Submission]:
    """The entries that are judged: submitted and not disqualified."""
    return list(db.session.scalars(db.select(Submission).where(
        Submission.event_id == event.id, Submission.is_judged).order_by(Submission.id)))


def run_assignment(event: Event, judges_per_entry: int) -> assigning.Plan:
    """Give every judged entry k judges, keeping scores already given; returns what changed."""
    if not 1 <= judges_per_entry <= MAX_JUDGES_PER_ENTRY:
        raise AssignmentError(f"Choose 1 to {MAX_JUDGES_PER_ENTRY} judges per entry.")
    event.judges_per_entry = judges_per_entry
    entries = judged_entries(event)
    plan = assigning.plan_assignments(
        [assigning.Entry(s.id, s.team_id, frozenset(c.id for c in s.challenges)) for s in entries],
        _planner_judges(event), set(conflict_pairs(event, [s.team for s in entries])),
        _existing_pairs(event), scored_pairs(event), judges_per_entry)
    for judge_id, submission_id in plan.remove:
        db.session.execute(db.delete(Assignment).where(Assignment.judge_id == judge_id,
                                                       Assignment.submission_id == submission_id))
    db.session.add_all(Assignment(event_id=event.id, judge_id=j, submission_id=s) for j, s in sorted(plan.add))
    db.session.commit()
    emitters.assignments_changed(event)
    return plan


def assign_by_hand(event: Event, judge: User, submission: Submission) -> Assignment:
    """An organizer's manual assignment, refused for conflicts like the automatic ones."""
    if submission.event_id != event.id or judge not in event_judges(event):
        raise AssignmentError("Pick a judge and an entry of this event.")
    reason = conflict_reason(event, judge, submission.team)
    if reason:
        raise AssignmentError(f"{judge.display_name} can't judge {submission.team.name}: {reason}.")
    existing = db.session.scalar(db.select(Assignment).where(Assignment.judge_id == judge.id,
                                                             Assignment.submission_id == submission.id))
    if existing:
        return existing
    assignment = Assignment(event_id=event.id, judge_id=judge.id, submission_id=submission.id, is_manual=True)
    db.session.add(assignment)
    db.session.commit()
    emitters.assignments_changed(event)
    return assignment


def unassign(event: Event, assignment: Assignment) -> None:
    """Remove an assignment that has no score yet (scored work is never thrown away)."""
    if _has_score(assignment.judge_id, assignment.submission_id):
        raise AssignmentError("This judge has already scored the entry; exclude the judge's scores instead.")
    db.session.delete(assignment)
    db.session.commit()
    emitters.assignments_changed(event)


def set_judge_challenges(event: Event, judge: User, challenge_ids: list[int]) -> None:
    """Tie a judge to challenges (empty: the judge may judge any entry); an id named twice counts once."""
    db.session.execute(db.delete(JudgeChallenge).where(JudgeChallenge.event_id == event.id,
                                                       JudgeChallenge.judge_id == judge.id))
    db.session.add_all(JudgeChallenge(event_id=event.id, judge_id=judge.id, challenge_id=c)
                       for c in sorted(set(challenge_ids)))
    db.session.commit()


def _planner_judges(event: Event) -> list[assigning.Judge]:
    ties: dict[int, set] = {}
    for row in db.session.scalars(db.select(JudgeChallenge).where(JudgeChallenge.event_id == event.id)):
        ties.setdefault(row.judge_id, set()).add(row.challenge_id)
    return [assigning.Judge(j.id, frozenset(ties.get(j.id, ()))) for j in event_judges(event)]


def _existing_pairs(event: Event) -> set:
    return set(tuple(row) for row in db.session.execute(db.select(Assignment.judge_id, Assignment.submission_id).where(
        Assignment.event_id == event.id)).all())


def scored_pairs(event: Event) -> set:
    """(judge_id, submission_id) of every assignment that already has a score."""
    return set(tuple(row) for row in db.session.execute(db.select(Score.judge_id, Score.submission_id).where(
        Score.event_id == event.id)).all())


def _has_score(judge_id: int, submission_id: int) -> bool:
    return db.session.scalar(db.select(Score.id).where(Score.judge_id == judge_id,
                                                       Score.submission_id == submission_id)) is not None


def judge_queue(event: Event, judge: User) -> list[tuple[Assignment, Score | None]]:
    """A judge's assigned entries with their score so far, unscored first."""
    assignments = db.session.scalars(db.select(Assignment).where(
        Assignment.event_id == event.id, Assignment.judge_id == judge.id).order_by(Assignment.id)).all()
    scores = {s.submission_id: s for s in db.session.scalars(db.select(Score).where(
        Score.event_id == event.id, Score.judge_id == judge.id))}
    queue = [(assignment, scores.get(assignment.submission_id)) for assignment in assignments]
    return sorted(queue, key=lambda item: item[1] is not None)


def find_assignment(event: Event, judge: User, submission_id: int) -> Assignment | None:
    return db.session.scalar(db.select(Assignment).where(
        Assignment.event_id == event.id, Assignment.judge_id == judge.id,
        Assignment.submission_id == submission_id))


def all_assignments(event: Event) -> list[Assignment]:
    return list(db.session.scalars(db.select(Assignment).where(Assignment.event_id == event.id)
                                   .order_by(Assignment.submission_id, Assignment.judge_id)))


def drop_unscored(event: Event, judge: User, team) -> None:
    """After a conflict is found, take away the judge's unscored assignment to that team's entry."""
    submission_ids = db.select(Submission.id).where(Submission.team_id == team.id)
    scored = db.select(Score.submission_id).where(Score.judge_id == judge.id)
    db.session.execute(db.delete(Assignment).where(
        Assignment.event_id == event.id, Assignment.judge_id == judge.id,
        Assignment.submission_id.in_(submission_ids), Assignment.submission_id.not_in(scored)))
    db.session.commit()
    emitters.assignments_changed(event)
