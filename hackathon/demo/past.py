"""The past demo event (Autumn Jam): judged, voted on and revealed, so its page shows results.

It is judged through the real services while its clock is set back in judging, then its schedule
goes back to the past: the board, the people's choice and the gallery are exactly what a real
finished event would show.
"""
from datetime import timedelta

from ..extensions import db
from ..judging import assignments, scores
from ..live import board
from ..models import Challenge, Criterion, Membership, Submission, Team, TeamMember, User
from ..models.membership import JUDGE
from ..models.submission import SUBMITTED
from ..models.team import name_key
from ..models.types import utcnow
from ..voting import services as voting

CHALLENGE = ("Seasons in play", "Games that teach how the seasons change.")
# (team, title, tagline, member indices among the event's participants)
ENTRIES = [
    ("Leaf Pile", "Fallwise", "Rake, sort and compost: a cosy game about autumn leaves.", (0, 1)),
    ("Equinox", "Daylight Dash", "Race the sunset as the days grow shorter.", (2, 3)),
    ("Migrators", "Wingspan South", "Lead a flock south before the first frost.", (4, 5)),
]


def fill_past(event, participants: list[User], judges: list[User]) -> None:
    """Teams of the first six participants, their entries judged, one vote each, the final board revealed."""
    milestones = event.submissions_due_at, event.judging_ends_at, event.results_at
    now = utcnow()
    event.submissions_due_at, event.judging_ends_at, event.results_at = now - timedelta(hours=1), now + timedelta(
        hours=1), now + timedelta(hours=2)
    challenge = Challenge(event=event, title=CHALLENGE[0], summary=CHALLENGE[1], brief=CHALLENGE[1], is_draft=False)
    db.session.add(challenge)
    db.session.add(Criterion(event_id=event.id, name="Fun", description="Would you play it again?", scale_min=1, scale_max=10))
    for user in judges[:2]:
        db.session.add(Membership(user=user, event=event, role=JUDGE))
    entries = [_entry(event, challenge, participants, *entry) for entry in ENTRIES]
    db.session.commit()
    _judge_all(event, judges[:2])
    voting.open_voting(event)
    for participant, entry in zip(participants, [entries[2], entries[2], entries[0]]):
        voting.cast_vote(event, entry, user=participant)
    voting.close_voting(event)
    board.freeze(event)
    board.finish_reveal(event)
    event.submissions_due_at, event.judging_ends_at, event.results_at = milestones
    db.session.commit()


def _judge_all(event, judges: list[User]) -> None:
    assignments.run_assignment(event, len(judges))
    fun = db.session.scalar(db.select(Criterion).where(Criterion.event_id == event.id))
    for lenience, judge in enumerate(judges):
        for mark, (assignment, _) in zip((8, 6, 7), assignments.judge_queue(event, judge)):
            scores.record_score(event, judge, assignment.submission, {fun.id: mark + lenience}, "Fun to play.")


def _entry(event, challenge, participants, team_name, title, tagline, members) -> Submission:
    team = Team(event=event, name=team_name, name_key=name_key(team_name), captain_id=participants[members[0]].id)
    team.members = [TeamMember(event_id=event.id, user_id=participants[i].id) for i in members]
    db.session.add(team)
    db.session.flush()
    entry = Submission(event_id=event.id, team_id=team.id, title=title, tagline=tagline, challenges=[challenge],
                       description=f"**{title}**: {tagline}", status=SUBMITTED, submitted_at=utcnow(),
                       updated_by_id=team.captain_id)
    db.session.add(entry)
    return entry
