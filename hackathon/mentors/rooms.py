"""Which mentoring rooms of the live channel a socket may join: decided here, joined by realtime/handlers.py."""
from ..access import can_manage, roles_in
from ..models import Event
from ..models.membership import MENTOR, PARTICIPANT
from ..realtime import directory_room, mentor_room


def mentoring_rooms(user, event: Event) -> list[str]:
    """A mentor's own room in the event (requests assigned to them, claims taken back); none for anyone else."""
    if not getattr(user, "is_authenticated", False) or MENTOR not in roles_in(user, event):
        return []
    return [mentor_room(event.id, user.id)]


def directory_rooms(user, event: Event) -> list[str]:
    """The mentor directory's live room, for those who may see the directory (participants, mentors,
    organizers and site admins); nothing for anyone else."""
    if not getattr(user, "is_authenticated", False):
        return []
    roles = roles_in(user, event)
    return [directory_room(event.id)] if roles & {PARTICIPANT, MENTOR} or can_manage(user, event, roles) else []
