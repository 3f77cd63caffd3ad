"""Which rooms of the live channel a connection may hear, decided again whenever that may change.

`rooms_for` is the rule, applied when a socket connects and whenever it asks to `rejoin`. When a
membership, a place in a team or a log-in ends, the server closes the rooms it gave (on every
process, through the message queue), so no socket opened before keeps hearing them, whatever its
page does. Everyone who still belongs there gets a `rooms_changed` nudge in their own room and
their pages rejoin (static/js/live.js); gaining a role nudges the same way. Services call these
after their commit and after their own emits (a closed room hears nothing until its members rejoin).
"""
from flask import request
from flask_socketio import join_room, leave_room, rooms

from ..access import roles_in
from ..extensions import db, socketio
from ..models import Challenge, Membership, Team, TeamMember, User
from ..mentors.rooms import mentoring_rooms
from ..models.membership import MENTOR, ORGANIZER, PARTICIPANT, ROLES
from ..teams.queries import team_id_of
from . import NAMESPACE, board_room, directory_room, event_room, mentor_room, role_room, team_room, user_room

NUDGE = "rooms_changed"


def rooms_for(user, event) -> set[str]:
    """The rooms a connection of `user` watching `event` may hear now."""
    allowed = {event_room(event.id)}
    if not user.is_authenticated:
        return allowed
    allowed |= {role_room(event.id, role) for role in roles_in(user, event)} | {user_room(user.id)}
    team_id = team_id_of(user, event)
    if team_id is not None:
        allowed.add(team_room(team_id))
    return allowed | set(mentoring_rooms(user, event))


def enter_rooms(user, event, public: set[str] = frozenset()) -> None:
    """Put the current socket in exactly the rooms it may hear now (leaving any it may no longer),
    plus the `public` rooms it chose (the board view its page shows)."""
    allowed, current = rooms_for(user, event) | set(public), set(rooms()) - {request.sid}
    try:
        for room in current - allowed:
            leave_room(room)
        for room in allowed - current:
            join_room(room)
    except ValueError:  # python-socketio's "not connected": the page left while this was decided
        return


def role_ended(event_id: int, user_id: int, role: str) -> None:
    """A membership was removed: its role room closes; the role's other holders (and the person,
    for their other roles) rejoin. A participant or mentor also leaves the mentor directory's room,
    which its other watchers rejoin."""
    closing = [role_room(event_id, role)] + ([mentor_room(event_id, user_id)] if role == MENTOR else [])
    holders = _holders_of_role(event_id, role) | {user_id}
    if role in (PARTICIPANT, MENTOR):
        closing.append(directory_room(event_id))
        holders |= _holders_of_role(event_id, PARTICIPANT, MENTOR, ORGANIZER) | _site_admins()
    _close(closing, holders)


def event_hidden(event_id: int) -> None:
    """An event was unpublished: every room of it closes, the public ones included, and only those
    who run it rejoin (the live channel admits nobody else to an unpublished event)."""
    challenge_ids = db.session.scalars(db.select(Challenge.id).where(Challenge.event_id == event_id))
    team_ids = db.session.scalars(db.select(Team.id).where(Team.event_id == event_id))
    closing = ([event_room(event_id), board_room(event_id, None), directory_room(event_id)]
               + [board_room(event_id, challenge_id) for challenge_id in challenge_ids]
               + [role_room(event_id, role) for role in ROLES] + [team_room(team_id) for team_id in team_ids]
               + [mentor_room(event_id, user_id) for user_id in _holders_of_role(event_id, MENTOR)])
    _close(closing, _holders_of_role(event_id, ORGANIZER) | _site_admins())


def team_left(team_id: int) -> None:
    """Someone left (or was moved out of, or disbanded) a team: its room closes; the members rejoin."""
    _close([team_room(team_id)], _team_members(team_id))


def signed_out(user) -> None:
    """A log-in of `user` ended: every private room the account's sockets may be in closes; the
    account's other log-ins and everyone else in those rooms rejoin."""
    memberships = db.session.scalars(db.select(Membership).where(Membership.user_id == user.id)).all()
    team_ids = set(db.session.scalars(db.select(TeamMember.team_id).where(TeamMember.user_id == user.id)))
    closing = [role_room(m.event_id, m.role) for m in memberships] + [team_room(t) for t in team_ids]
    holders = {user.id}
    for membership in memberships:
        holders |= _holders_of_role(membership.event_id, membership.role)
    for team_id in team_ids:
        holders |= _team_members(team_id)
    _close(closing, holders)


def access_gained(user_id: int) -> None:
    """`user_id` holds a new role or team: their open pages rejoin to hear it."""
    nudge({user_id})


def nudge(user_ids) -> None:
    for user_id in sorted(user_ids):
        socketio.emit(NUDGE, {}, to=user_room(user_id), namespace=NAMESPACE)


def _close(closing: list[str], holders: set[int]) -> None:
    # Close first: the message queue delivers in order, so every process has emptied the rooms
    # before any page's rejoin can arrive.
    for room in closing:
        socketio.close_room(room, namespace=NAMESPACE)
    nudge(holders)


def _holders_of_role(event_id: int, *roles: str) -> set[int]:
    return set(db.session.scalars(db.select(Membership.user_id).where(
        Membership.event_id == event_id, Membership.role.in_(roles))))


def _site_admins() -> set[int]:
    return set(db.session.scalars(db.select(User.id).where(User.is_site_admin.is_(True))))


def _team_members(team_id: int) -> set[int]:
    return set(db.session.scalars(db.select(TeamMember.user_id).where(TeamMember.team_id == team_id)))
