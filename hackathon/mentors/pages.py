"""What each mentoring page shows, worked out for its viewer (templates only display these flags)."""
from dataclasses import dataclass

from flask import g
from flask_login import current_user
from wtforms import SelectChoice

from ..models import Event, HelpRequest, User
from ..models.membership import MENTOR, PARTICIPANT
from ..models.mentor import RESOLVED
from ..models.types import utcnow
from ..teams.queries import team_of
from . import cards, figures, matching, positions, queries, roster
from .checks import is_hacking
from .dispatch import ask_of
from .forms import FeedbackForm, HelpRequestForm, SettingsForm
from .settings import rules_of, settings_row
from .standing_pages import team_mentor_cards


@dataclass
class QueueItem:
    """One waiting request as a mentor sees it."""

    request: HelpRequest
    position: int
    tier: str  # matching.ASKED / MATCH / EVERYONE / LATER

    @property
    def is_for_you(self) -> bool:
        return self.tier != matching.LATER


def mentor_choices(event: Event) -> list[SelectChoice]:
    """The “ask for a mentor” options: anyone, then the event's mentors by name."""
    return [SelectChoice("", "Anyone (first available)")] + [
        SelectChoice(m.id, m.display_name) for m in queries.event_mentors(event)]


def help_form(event: Event, request: HelpRequest | None = None) -> HelpRequestForm:
    """The ask-for-help form, filled from `request` when editing it."""
    if request is None:
        form = HelpRequestForm()
    else:
        form = HelpRequestForm(data=dict(topic=request.topic, description=request.description, tags=request.tag_names,
                                         location=request.location, mentor_id=request.asked_mentor_id))
    form.mentor_id.choices = mentor_choices(event)
    return form


def help_context(event: Event, user: User, form: HelpRequestForm | None = None) -> dict:
    """The team's help page: its current request with its place and ETA, or the form; past requests."""
    team = team_of(user, event)
    active = queries.active_request_of(team) if team else None
    history = [r for r in queries.team_requests(team) if not r.is_active] if team else []
    return dict(
        team=team, active=active, is_participant=PARTICIPANT in g.get("roles", frozenset()),
        standing=positions.standing_of(active) if active and active.is_open else None,
        history=history, is_hacking=is_hacking(event),
        can_ask=team is not None and active is None and is_hacking(event),
        form=form or help_form(event), feedback_form=FeedbackForm(),
        rateable={r.id for r in history if r.status == RESOLVED and not r.is_rated},
        mentor_tags=queries.mentor_tag_vocabulary(event),
        helper=cards.card_of(event, active.claimed_by) if active and active.is_claimed and active.claimed_by else None,
        team_mentors=team_mentor_cards(event, team),
    )


def queue_context(event: Event, user: User) -> dict:
    """A mentor's queue: their claim, the requests offered to them, and those offered to others first."""
    profile = queries.profile_of(event, user)
    my_tags = profile.tag_names if profile else []
    own = roster.own_mentors_by_team(event)
    items = [QueueItem(r, n, matching.offer_tier(ask_of(r, own.get(r.team_id, frozenset())), user.id, my_tags,
                                                 r.matching_until is None, r.own_until is not None))
             for n, r in enumerate(queries.open_queue(event), 1)]
    claim = queries.active_claim_of(user)
    is_mentor = MENTOR in g.get("roles", frozenset())
    return dict(
        profile=profile, my_tags=my_tags, claim=claim if claim and claim.event_id == event.id else None,
        other_event_claim=claim if claim and claim.event_id != event.id else None,
        for_you=[i for i in items if i.is_for_you], later=[i for i in items if not i.is_for_you],
        helping=[r for r in queries.claimed_requests(event) if r.claimed_by_id != user.id],
        is_mentor=is_mentor, can_claim=is_mentor and claim is None,
        is_auto=rules_of(event.id).is_auto, is_hacking=is_hacking(event),
    )


def manage_context(event: Event, settings_form: SettingsForm | None = None) -> dict:
    """The organizers' view: the open queue live, claims in progress, the settings and the figures."""
    return dict(
        waiting=queries.open_queue(event), helping=queries.claimed_requests(event),
        figures=figures.event_figures(event), rules=rules_of(event.id), now=utcnow(),
        settings_form=settings_form or SettingsForm(obj=settings_row(event)), is_hacking=is_hacking(event),
    )


def directory_context(event: Event) -> dict:
    """The mentor directory, with whether the viewer may ask for help."""
    return dict(mentors=cards.directory(event), can_ask=team_of(current_user, event) is not None)
