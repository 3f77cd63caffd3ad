"""What the standing-mentor pages show, worked out for their viewer (templates only display these)."""
from dataclasses import dataclass, field
from datetime import datetime

from wtforms import SelectChoice

from ..access import roles_in
from ..extensions import db
from ..models import Challenge, Event, HelpRequest, MentorProfile, Submission, Team, TeamMentor, User
from ..models.membership import MENTOR
from . import cards, queries, roster
from .rooms import directory_rooms
from .forms import ChallengeMentorForm, PairForm, PlanForm, TeamLimitForm
from .settings import settings_row


@dataclass
class TeamRow:
    """One team on the organizers' assignment page."""

    team: Team
    entry: Submission | None
    pairs: list[TeamMentor]
    wanted: int

    @property
    def missing(self) -> int:
        return max(self.wanted - len(self.pairs), 0)

    @property
    def is_unassigned(self) -> bool:
        return not self.pairs


@dataclass
class MentorRow:
    """One mentor on the organizers' assignment page: expertise, challenges, load and limit."""

    mentor: User
    tags: list[str]
    challenges: list[str]
    load: int
    limit: int | None
    limit_form: TeamLimitForm

    @property
    def is_full(self) -> bool:
        return self.limit is not None and self.load >= self.limit


@dataclass
class ChallengeRow:
    challenge: Challenge
    attached: list = field(default_factory=list)  # ChallengeMentor rows


@dataclass
class MentoredTeam:
    """One of a mentor's standing teams, as their teams page shows it."""

    team: Team
    entry: Submission | None
    request: HelpRequest | None
    last_contact: datetime | None

    @property
    def entry_links(self) -> list[tuple[str, str]]:
        if self.entry is None:
            return []
        links = [("Repository", self.entry.repo_url), ("Demo", self.entry.demo_url), ("Video", self.entry.video_url)]
        return [(label, url) for label, url in links if url]


def live_pairs(event: Event) -> list[TeamMentor]:
    """The event's standing pairs whose team is live and whose mentor still mentors the event."""
    mentors = {mentor.id for mentor in queries.event_mentors(event)}
    return [p for p in roster.event_pairs(event) if p.mentor_id in mentors and not p.team.is_dissolved]


def assign_context(event: Event, plan_form: PlanForm | None = None, pair_form: PairForm | None = None) -> dict:
    """The organizers' assignment page: teams with their mentors (unassigned first), mentors with their
    load and limit, challenges with their mentors, and the forms."""
    wanted = settings_row(event).mentors_per_team
    pairs, entries = live_pairs(event), roster.entries_by_team(event)
    teams = roster.active_teams(event)
    rows = [TeamRow(team, entries.get(team.id), [p for p in pairs if p.team_id == team.id], wanted) for team in teams]
    mentors = queries.event_mentors(event)
    return dict(
        team_rows=sorted(rows, key=lambda r: (not r.is_unassigned, r.missing == 0)),
        unassigned=[r for r in rows if r.is_unassigned], short=[r for r in rows if r.missing and not r.is_unassigned],
        mentor_rows=_mentor_rows(event, mentors, pairs), challenge_rows=_challenge_rows(event),
        plan_form=plan_form or PlanForm(mentors_per_team=wanted), pair_form=pair_form or pair_form_for(event),
        challenge_form=challenge_form_for(event), wanted=wanted, has_mentors=bool(mentors),
    )


def pair_form_for(event: Event) -> PairForm:
    """The assign-by-hand form with the event's live teams and mentors to choose from."""
    form = PairForm()
    form.team_id.choices = [SelectChoice(t.id, t.name) for t in roster.active_teams(event)]
    form.mentor_id.choices = _mentor_choices(event)
    return form


def challenge_form_for(event: Event) -> ChallengeMentorForm:
    """The attach-a-mentor form with the event's mentors to choose from."""
    form = ChallengeMentorForm()
    form.mentor_id.choices = _mentor_choices(event)
    return form


def _mentor_choices(event: Event) -> list[SelectChoice]:
    return [SelectChoice(m.id, m.display_name) for m in queries.event_mentors(event)]


def _mentor_rows(event: Event, mentors: list[User], pairs: list[TeamMentor]) -> list[MentorRow]:
    profiles, ties = queries.profiles_by_mentor(event), roster.challenge_ties(event)
    titles = {c.id: c.title for c in _challenges(event)}
    rows = []
    for mentor in mentors:
        profile: MentorProfile | None = profiles.get(mentor.id)
        limit = profile.max_teams if profile else None
        rows.append(MentorRow(mentor, profile.tag_names if profile else mentor.skill_names,
                              sorted(titles[c] for c in ties.get(mentor.id, ()) if c in titles),
                              sum(1 for p in pairs if p.mentor_id == mentor.id), limit,
                              TeamLimitForm(formdata=None, max_teams=limit)))
    return rows


def _challenges(event: Event) -> list[Challenge]:
    return list(db.session.scalars(db.select(Challenge).where(Challenge.event_id == event.id)
                                   .order_by(Challenge.position, Challenge.id)))


def _challenge_rows(event: Event) -> list[ChallengeRow]:
    attached = roster.challenge_mentor_rows(event)
    return [ChallengeRow(c, attached.get(c.id, [])) for c in _challenges(event)]


def my_teams_context(event: Event, mentor: User) -> dict:
    """A mentor's teams page: each team they stand by, with members, the entry's links, the team's
    open help request and when this mentor last helped them."""
    teams, entries = roster.teams_of_mentor(event, mentor), roster.entries_by_team(event)
    active = {r.team_id: r for r in queries.open_queue(event) + queries.claimed_requests(event)}
    contacts = roster.last_contacts(event, mentor)
    return dict(mentored=[MentoredTeam(t, entries.get(t.id), active.get(t.id), contacts.get(t.id)) for t in teams],
                team_ids=" ".join(str(t.id) for t in teams), is_mentor=MENTOR in roles_in(mentor, event))


def team_mentor_cards(event: Event, team: Team | None) -> list[dict]:
    """A team's standing mentors as directory cards (live status, where to find them)."""
    if team is None:
        return []
    return [cards.card_of(event, pair.mentor) for pair in roster.mentors_of_team(team)]


def challenge_mentors_context(event: Event, challenge: Challenge, user) -> dict:
    """A brief's mentors: cards with live availability and whereabouts for those who may see the
    mentor directory (participants, mentors, organizers); names only for everyone else."""
    mentors = roster.mentors_of_challenge(challenge)
    sees_cards = bool(directory_rooms(user, event))  # the directory's own rule of who may see it
    return dict(challenge_mentor_names=[m.display_name for m in mentors],
                challenge_mentor_cards=[cards.card_of(event, m) for m in mentors] if sees_cards else None)
