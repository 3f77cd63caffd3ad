"""The checks mentoring actions run first: the phase, the mentor role, the team a member acts for."""
from ..access import roles_in
from ..extensions import db
from ..models import Event, HelpRequest, Team, User
from ..models.membership import MENTOR
from ..schedule import HACKING
from ..teams.queries import team_of
from .errors import HelpClosed, NoTeam, NotMentor, NotYourTeam


def is_hacking(event: Event) -> bool:
    """Whether teams may ask for help now: only while hacking is on, by the event's clock."""
    return event.clock().phase == HACKING


def check_hacking(event: Event) -> None:
    """Refuse unless the event is hacking."""
    if not is_hacking(event):
        raise HelpClosed(event)


def check_mentor(user: User, event: Event) -> None:
    """Refuse unless `user` mentors `event`."""
    if MENTOR not in roles_in(user, event):
        raise NotMentor(event)


def team_asking(user: User, event: Event) -> Team:
    """The team `user` asks for; refused when they are in none."""
    team = team_of(user, event)
    if team is None:
        raise NoTeam(event)
    return team


def check_member(request: HelpRequest, user: User) -> None:
    """Refuse unless `user` is in the team that made `request`."""
    if not request.team.has_member(user):
        raise NotYourTeam(request)


def lock_request(request: HelpRequest) -> HelpRequest:
    """Re-read `request` under a row lock (SQLite's transactions already hold the write lock)."""
    db.session.refresh(request, with_for_update=True)
    return request
