"""The tidy score export: the scores the ranking counts, one row per entry, judge and criterion.

Anyone can re-rank the event in their own tool from it (R, pandas, a spreadsheet's pivot table).
It leaves out exactly what the board leaves out: excluded judges' scores and entries that are not
submitted or are disqualified. The score log (`scores.scores_csv`) keeps everything.
"""
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..leaderboard.inputs import counted_scores
from ..models import Event, Submission, User
from ..spreadsheets import csv_text
from . import rubric

TIDY_COLUMNS = ("entry_id", "entry", "team", "judge_id", "judge", "criterion", "weight", "score")


def tidy_scores_csv(event: Event) -> str:
    """Current counted scores as CSV, one row per (entry, judge, criterion), ids stable."""
    records = sorted(counted_scores(event), key=lambda r: (r.entry_id, r.judge_id))
    entries = _entries(event, {r.entry_id for r in records})
    judges = _judges({r.judge_id for r in records})
    criteria = rubric.event_criteria(event)
    return csv_text(TIDY_COLUMNS, (
        [record.entry_id, entries[record.entry_id].title, entries[record.entry_id].team.name,
         record.judge_id, judges[record.judge_id].display_name, criterion.name, criterion.weight,
         record.values[criterion.id]]
        for record in records
        for criterion in criteria
        if record.values.get(criterion.id) is not None
    ))


def _entries(event: Event, ids: set) -> dict:
    query = db.select(Submission).where(Submission.event_id == event.id, Submission.id.in_(ids))
    return {s.id: s for s in db.session.scalars(query.options(selectinload(Submission.team)))}


def _judges(ids: set) -> dict:
    return {u.id: u for u in db.session.scalars(db.select(User).where(User.id.in_(ids)))}
