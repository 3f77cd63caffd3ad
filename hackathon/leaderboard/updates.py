"""What services call after their commit when they changed something the board shows.

These are the only doors into the leaderboard for writers: a score, the inputs of the ranking
(an entry disqualified or reinstated, a judge excluded or included, the method or the rubric, a
challenge published or hidden, an entry or team renamed), or the event itself (slug, visibility,
voting opened or closed).
Each updates this process's ranking, tells organizers, and publishes the public board (unless it
is frozen, in which case it keeps what the audience saw at the freeze).
"""
from ..extensions import db
from ..judging import scoring
from ..models import Event, Score, Submission
from ..models.types import utcnow
from ..realtime import emitters
from . import publisher, rankings
from .state import state_of


def score_recorded(event: Event, judge_id: int, submission_id: int, values: dict) -> None:
    """A judge's score was committed: update the ranking by that one score and push what moved."""
    rows = rankings.record(event, scoring.ScoreRecord(judge_id, submission_id, values))
    if rows:
        emitters.ranking_changed(event, rows)
        _publish_unless_frozen(event)


def inputs_changed(event: Event) -> None:
    """Something the ranking is computed from changed: re-rank, tell organizers, push the board."""
    emitters.ranking_changed(event, rankings.current_ranking(event).rows)
    _publish_unless_frozen(event)


def entry_changed(event: Event, submission: Submission) -> None:
    """An entry was saved or renamed: the board shows it only once scored, so only then re-publish."""
    if db.session.scalar(db.select(Score.id).where(Score.submission_id == submission.id).limit(1)) is not None:
        inputs_changed(event)


def event_changed(event: Event) -> None:
    """The event's slug, name, visibility or what its board's page shows (voting) changed: every copy
    of its board, and of the page around it, is replaced."""
    publisher.publish(event, whole=True)


def _publish_unless_frozen(event: Event) -> None:
    if not state_of(event).is_frozen(utcnow()):
        publisher.schedule(event)
