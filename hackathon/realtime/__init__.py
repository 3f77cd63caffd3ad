"""The live channel: Socket.IO namespace /live, its rooms and the events pushed through it."""
NAMESPACE = "/live"


def event_room(event_id: int) -> str:
    """The public room of an event: everyone watching it, accounts or not."""
    return f"event:{event_id}"


def role_room(event_id: int, role: str) -> str:
    """The room of one role in an event, e.g. event:3:judges."""
    return f"event:{event_id}:{role}s"


def user_room(user_id: int) -> str:
    """Every connection of one account: `rooms_changed` nudges and an applicant's `standing` go there."""
    return f"user:{user_id}"


def team_room(team_id: int) -> str:
    """The room of one team's members (their team and submission pages)."""
    return f"team:{team_id}"


def board_room(event_id: int, view: int | None) -> str:
    """The room of the sockets showing one view of an event's public board (overall or a challenge)."""
    return f"board:{event_id}" if view is None else f"board:{event_id}:{view}"


def mentor_room(event_id: int, user_id: int) -> str:
    """The room of one mentor's own pages in an event (a request assigned to them, a claim taken back)."""
    return f"event:{event_id}:mentor:{user_id}"


def directory_room(event_id: int) -> str:
    """The room of the pages showing an event's mentor directory (they ask to join it: `watch_mentor_directory`)."""
    return f"event:{event_id}:mentor_directory"
