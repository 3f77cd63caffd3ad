"""One function per live event. Services call these after their commit, never before."""
from ..extensions import socketio
from ..models import Announcement, Event
from . import NAMESPACE, board_room, directory_room, event_room, mentor_room, role_room, team_room, user_room
from .payloads import announcement_payload, clock_payload, retraction_payload
from .wire import PreEncoded


def clock_changed(event: Event) -> None:
    """Push the event's clock to everyone watching it (after start, pause, resume, extend, edit)."""
    socketio.emit("clock", clock_payload(event), to=event_room(event.id), namespace=NAMESPACE)


def challenges_changed(event: Event) -> None:
    """Tell everyone watching that the list of briefs changed (published, edited, revealed)."""
    socketio.emit("challenges_changed", {"event": event.slug}, to=event_room(event.id), namespace=NAMESPACE)


def submission_saved(submission, newly_submitted: bool) -> None:
    """Tell the team (every member's open page) that its entry changed; tell organizers of new entries."""
    payload = {"event": submission.event.slug, "team_id": submission.team_id, "status": submission.status,
               "updated_by": submission.updated_by.display_name if submission.updated_by else None}
    socketio.emit("submission_saved", payload, to=team_room(submission.team_id), namespace=NAMESPACE)
    if newly_submitted:
        socketio.emit("submission_received", payload, to=role_room(submission.event_id, "organizer"),
                      namespace=NAMESPACE)


def extension_granted(extension) -> None:
    """Tell the team its deadline moved."""
    payload = {"team_id": extension.team_id, "until_ms": int(extension.until.timestamp() * 1000)}
    socketio.emit("extension_granted", payload, to=team_room(extension.team_id), namespace=NAMESPACE)


def assignments_changed(event: Event) -> None:
    """Tell judges to refresh their queues."""
    socketio.emit("assignments_changed", {"event": event.slug}, to=role_room(event.id, "judge"),
                  namespace=NAMESPACE)


def judge_progress(event: Event, judge_id: int, scored: int, assigned: int) -> None:
    """Organizers watch each judge's progress on their dashboard."""
    socketio.emit("judge_progress", {"event": event.slug, "judge_id": judge_id, "scored": scored,
                                     "assigned": assigned}, to=role_room(event.id, "organizer"), namespace=NAMESPACE)


def ranking_changed(event: Event, rows) -> None:
    """Organizers see every committed score move the ranking (the public board is pushed separately)."""
    payload = {"event": event.slug, "rows": [{"entry_id": r.entry_id, "rank": r.rank, "score": r.score,
                                             "raw_mean": r.raw_mean, "n_scores": r.n_scores} for r in rows]}
    socketio.emit("ranking_update", payload, to=role_room(event.id, "organizer"), namespace=NAMESPACE)


def clock_resynced(event: Event) -> None:
    """Push the clock to this process's own watchers only (periodic resync, milestone crossed).

    Every server process runs its own ticker, so going through the message queue would deliver
    each resync once per process.
    """
    socketio.emit("clock", clock_payload(event), to=event_room(event.id), namespace=NAMESPACE,
                  ignore_queue=True)


def announcement_published(announcement: Announcement) -> None:
    """Push a newly published announcement to every screen of its event."""
    socketio.emit("announcement", announcement_payload(announcement),
                  to=event_room(announcement.event_id), namespace=NAMESPACE)


def announcement_retracted(announcement: Announcement) -> None:
    """Tell every screen to take a retracted announcement down."""
    socketio.emit("announcement_retracted", retraction_payload(announcement),
                  to=event_room(announcement.event_id), namespace=NAMESPACE)


def team_changed(team, what: str, who=None) -> None:
    """Tell a team's open pages that it changed (joined, left, requested, ...), so they re-render."""
    payload = {"event": team.event.slug, "team_id": team.id, "what": what,
               "who": who.display_name if who is not None else None}
    socketio.emit("team_changed", payload, to=team_room(team.id), namespace=NAMESPACE)


def leaderboard(event: Event, view: int | None, body: PreEncoded) -> None:
    """Push one view of the public board whole (freeze, reveal, display change, or after a gap)."""
    socketio.emit("leaderboard", body, to=board_room(event.id, view), namespace=NAMESPACE)


def leaderboard_update(event: Event, view: int | None, seq: int, changes: dict) -> None:
    """Push what changed in one view; `seq` rises by one per publication so clients notice gaps."""
    socketio.emit("leaderboard_update", {"event": event.slug, "view": view, "seq": seq, **changes},
                  to=board_room(event.id, view), namespace=NAMESPACE)


def voting_changed(event: Event, payload: dict) -> None:
    """Tell every vote page that voting opened or closed (the payload never carries a count)."""
    socketio.emit("voting_changed", payload, to=event_room(event.id), namespace=NAMESPACE)


def votes_counted(event: Event, payload: dict) -> None:
    """Organizers watch the number of votes cast and codes used while voting is open."""
    socketio.emit("votes_counted", payload, to=role_room(event.id, "organizer"), namespace=NAMESPACE)


def peoples_choice(event: Event, payload: dict) -> None:
    """Push the people's choice results once they are public (results null when hidden again)."""
    socketio.emit("peoples_choice", payload, to=event_room(event.id), namespace=NAMESPACE)


# ---- mentoring: the help queue (hackathon/mentors/notify.py builds the payloads, ends its
# transaction, then calls these) ------------------------------------------------------------------

def help_request_changed(team_id: int, payload: dict) -> None:
    """Tell a team's open pages what became of its help request (asked, claimed and by whom, resolved…)."""
    socketio.emit("help_request_changed", payload, to=team_room(team_id), namespace=NAMESPACE)


def help_position(team_id: int, payload: dict) -> None:
    """Tell a waiting team where its request stands in the queue and roughly how long until a mentor comes."""
    socketio.emit("help_position", payload, to=team_room(team_id), namespace=NAMESPACE)


def help_queue_changed(event_id: int, payload: dict) -> None:
    """Tell mentors' queue pages (which apply the request in place) and the organizers' view that the queue changed."""
    rooms = [role_room(event_id, "mentor"), role_room(event_id, "organizer")]
    socketio.emit("help_queue_changed", payload, to=rooms, namespace=NAMESPACE)


def mentor_notice(event_id: int, mentor_id: int, payload: dict) -> None:
    """Tell one mentor about a request that concerns them: assigned to them, asked for them, taken back
    from them, or cancelled by the team they were helping."""
    socketio.emit("mentor_notice", payload, to=mentor_room(event_id, mentor_id), namespace=NAMESPACE)


def help_request_flagged(event_id: int, payload: dict) -> None:
    """Tell organizers a request has waited unclaimed longer than the event allows."""
    socketio.emit("help_request_flagged", payload, to=role_room(event_id, "organizer"), namespace=NAMESPACE)


def mentor_changed(event_id: int, card: dict) -> None:
    """Update a mentor's card on the open directory pages, and mentors' availability toggles."""
    rooms = [directory_room(event_id), role_room(event_id, "mentor")]
    socketio.emit("mentor_changed", card, to=rooms, namespace=NAMESPACE)


# ---- mentoring: standing mentors (hackathon/mentors/notify.py) ---------------------------------

def team_mentors_changed(team_id: int, payload: dict) -> None:
    """Tell a team's open pages (its team page, its help page) that its standing mentors changed."""
    socketio.emit("team_mentors_changed", payload, to=team_room(team_id), namespace=NAMESPACE)


def mentor_teams_changed(event_id: int, mentor_id: int, payload: dict) -> None:
    """Tell one mentor's open pages that the teams they mentor changed."""
    socketio.emit("mentor_teams_changed", payload, to=mentor_room(event_id, mentor_id), namespace=NAMESPACE)
# ---- registration and check-in (hackathon/registration/announce.py builds the payloads) ----------

def standing_changed(user_id: int, payload: dict) -> None:
    """Tell one applicant's open pages where their application now stands (the payload names its event)."""
    socketio.emit("standing", payload, to=user_room(user_id), namespace=NAMESPACE)


def applications_changed(event: Event, payload: dict) -> None:
    """Organizers' application list and console: the counts by status and the seats left."""
    socketio.emit("applications_changed", payload, to=role_room(event.id, "organizer"), namespace=NAMESPACE)


def checked_in(event: Event, payload: dict) -> None:
    """The organizers' console and every check-in desk see how many people have arrived."""
    rooms = [role_room(event.id, "organizer"), role_room(event.id, "volunteer")]
    socketio.emit("checked_in", payload, to=rooms, namespace=NAMESPACE)
