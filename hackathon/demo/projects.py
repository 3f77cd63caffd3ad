"""Demo teams, projects, rubric and judging; scores go through the real judging services."""
import json
import random

from ..extensions import db
from ..judging import assignments, scores
from ..models import (Challenge, Criterion, Submission, SubmissionTechnology, SubmissionVersion, Team, TeamMember,
                      TeamSkill, User)
from ..models.submission import SUBMITTED
from ..models.team import name_key
from ..models.types import utcnow
from ..submissions.services import snapshot
from .content import JUDGE_LENIENCY, PROJECTS, RUBRIC, TEAMS


def add_teams(event, participants: list[User]) -> list[Team]:
    """The demo teams, each captained by its first member."""
    teams = []
    for name, pitch, skills, members, is_open in TEAMS:
        team = Team(event_id=event.id, name=name, name_key=name_key(name), pitch=pitch, is_open=is_open,
                    captain_id=participants[members[0]].id)
        team.members = [TeamMember(event_id=event.id, user_id=participants[i].id) for i in members]
        team.wanted_skills = [TeamSkill(name=s.strip()) for s in skills.split(",") if s.strip()]
        db.session.add(team)
        teams.append(team)
    db.session.flush()
    return teams


def add_rubric(event) -> None:
    for position, (name, description, weight) in enumerate(RUBRIC):
        db.session.add(Criterion(event_id=event.id, name=name, description=description, weight=weight,
                                 scale_min=1, scale_max=10, position=position))


def add_projects(event, teams: list[Team], submitted: int) -> list[Submission]:
    """An entry per team; the first `submitted` are submitted, the rest are drafts."""
    challenges = list(db.session.scalars(db.select(Challenge).where(Challenge.event_id == event.id)
                                         .order_by(Challenge.position)))
    entries = []
    for index, team in enumerate(teams):
        title, tagline, technologies, challenge = PROJECTS[team.name]
        entry = Submission(event_id=event.id, team_id=team.id, title=title, tagline=tagline,
                           description=f"**{title}**: {tagline}\n\nBuilt in 48 hours by {team.name}.",
                           repo_url=f"https://example.org/{name_key(team.name).replace(' ', '-')}",
                           challenges=[challenges[challenge]], updated_by_id=team.captain_id)
        entry.technologies = _technologies(technologies)
        if index < submitted:
            entry.status, entry.submitted_at = SUBMITTED, utcnow()
        db.session.add(entry)
        entries.append(entry)
    db.session.flush()
    for entry in entries:
        _first_version(entry)
    return entries


def judge_most(event, judges: list[User]) -> None:
    """Assign two judges per entry and record most of their scores, leaving some for the demo."""
    assignments.run_assignment(event, 2)
    criteria = list(db.session.scalars(db.select(Criterion).where(Criterion.event_id == event.id)))
    rng = random.Random(7)  # the same demo every time
    quality = {entry.id: rng.randint(4, 9) for entry in assignments.judged_entries(event)}
    for judge_index, judge in enumerate(judges):
        queue = assignments.judge_queue(event, judge)
        for assignment, _ in queue[: max(len(queue) - 1, 0)]:  # each judge leaves one to do live
            base = quality[assignment.submission_id] + JUDGE_LENIENCY[judge_index % len(JUDGE_LENIENCY)]
            values = {c.id: max(1, min(10, base + rng.randint(-1, 1))) for c in criteria}
            scores.record_score(event, judge, assignment.submission, values, "Solid demo.")


def _technologies(text: str):
    return [SubmissionTechnology(name=name.strip()) for name in text.split(",") if name.strip()]


def _first_version(entry: Submission) -> None:
    db.session.add(SubmissionVersion(submission_id=entry.id, number=1, status=entry.status,
                                     saved_by_id=entry.updated_by_id, changed="title,description",
                                     snapshot_json=json.dumps(snapshot(entry))))
