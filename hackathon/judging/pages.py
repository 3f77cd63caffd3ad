"""What the organizer's judging pages show: forms with this event's choices, and the results tables."""
from dataclasses import dataclass

from wtforms import SelectChoice, SelectField

from .. import leaderboard
from ..challenges.services import visible_challenges
from ..extensions import db
from ..teams import queries as team_services
from ..models import Conflict, Event, JudgeChallenge, JudgeExclusion, Submission
from . import assignments, conflicts, rubric, scores, scoring
from .forms import METHOD_LABELS, AssignForm, ConflictForm, CriterionForm, ExcludeForm, JudgeChallengesForm, ManualAssignForm, \
    MethodForm


class OrganizerConflictForm(ConflictForm):
    judge_id = SelectField("Judge", coerce=int)


def build_criterion_form(event: Event, **kwargs) -> CriterionForm:
    form = CriterionForm(**kwargs)
    form.challenge_id.choices = [SelectChoice(0, "Every entry")] + [
        SelectChoice(c.id, f"Entries of {c.title}") for c in visible_challenges(event, True)]
    return form


def build_manual_assign_form(event: Event) -> ManualAssignForm:
    form = ManualAssignForm()
    form.judge_id.choices = [SelectChoice(j.id, j.display_name) for j in conflicts.event_judges(event)]
    form.submission_id.choices = [SelectChoice(s.id, f"{s.title} ({s.team.name})")
                                  for s in assignments.judged_entries(event)]
    return form


def build_judge_challenges_form(event: Event) -> JudgeChallengesForm:
    form = JudgeChallengesForm()
    form.challenge_ids.choices = [SelectChoice(c.id, c.title) for c in visible_challenges(event, True)]
    return form


def build_conflict_form(event: Event) -> OrganizerConflictForm:
    form = OrganizerConflictForm()
    form.judge_id.choices = [SelectChoice(j.id, j.display_name) for j in conflicts.event_judges(event)]
    form.team_id.choices = [SelectChoice(t.id, t.name) for t in team_services.list_teams(event)]
    return form


@dataclass
class JudgeLine:
    judge: object
    scored: int
    assigned: int
    challenge_ids: list


def manage_context(event: Event, criterion_form=None, assign_form=None, conflict_form=None) -> dict:
    """Everything the rubric and assignment page shows."""
    judges = conflicts.event_judges(event)
    ties = {}
    for row in db.session.scalars(db.select(JudgeChallenge).where(JudgeChallenge.event_id == event.id)):
        ties.setdefault(row.judge_id, []).append(row.challenge_id)
    return dict(
        criteria=rubric.event_criteria(event), rubric_locked=rubric.rubric_is_locked(event),
        criterion_form=criterion_form or build_criterion_form(event),
        assign_form=assign_form or AssignForm(judges_per_entry=event.judges_per_entry),
        manual_form=build_manual_assign_form(event), conflict_form=conflict_form or build_conflict_form(event),
        challenges_form=build_judge_challenges_form(event), challenges=visible_challenges(event, True),
        judges=[JudgeLine(j, *scores.judge_progress(event, j), ties.get(j.id, [])) for j in judges],
        assignments=assignments.all_assignments(event), entries=assignments.judged_entries(event),
        scored=assignments.scored_pairs(event),
        conflicts=list(db.session.scalars(db.select(Conflict).where(Conflict.event_id == event.id))),
    )


def results_context(event: Event) -> dict:
    """Raw and normalized rankings side by side, judge statistics, and entries lacking scores."""
    by_method = {method: leaderboard.ranking(event, method) for method in scoring.METHODS}
    entries = {s.id: s for s in db.session.scalars(db.select(Submission).where(Submission.event_id == event.id))}
    challenge_rankings = [(c, leaderboard.ranking(event, challenge_id=c.id)) for c in visible_challenges(event, True)]
    exclusions = {e.judge_id: e for e in db.session.scalars(
        db.select(JudgeExclusion).where(JudgeExclusion.event_id == event.id))}
    return dict(rankings=by_method, chosen=by_method[event.ranking_method], entries=entries,
                raw={row.entry_id: row for row in by_method["raw"].rows},
                zscore={row.entry_id: row for row in by_method["zscore"].rows},
                judges={j.id: j for j in conflicts.event_judges(event)}, exclusions=exclusions,
                challenge_rankings=challenge_rankings, method_form=MethodForm(method=event.ranking_method),
                exclude_form=ExcludeForm(), method_labels=METHOD_LABELS,
                unscored=[e for e in assignments.judged_entries(event)
                          if e.id not in {row.entry_id for row in by_method[event.ranking_method].rows}])
