"""Which mentoring rooms of the live channel a socket may join: decided here, joined by realtime/handlers.py."""
from ..access import roles_in
from ..models import Event
from ..models.membership import MENTOR
from ..realtime import mentor_room


def mentoring_rooms(user, event: Event) -> list[str]:
    """A mentor's own room in the event (requests assigned to them, claims taken back); none for anyone else."""
    if not getattr(user, "is_authenticated", False) or MENTOR not in roles_in(user, event):
        return []
    return [mentor_room(event.id, user.id)]
