"""Why a team change was refused: the domain errors of the teams area, each with a message saying what to do."""
from ..errors import DomainError
from ..models import Event, Team, User


class TeamError(DomainError):
    """A team rule refused the change; the message says what to do instead."""


class NotParticipant(TeamError):
    status = 403

    def __init__(self, event: Event):
        super().__init__(f"Only participants of {event.name} can be in a team. "
                         "Join the event as a participant first (from its page, or with an invite link).")


class AlreadyInTeam(TeamError):
    def __init__(self, team: Team, user: User | None = None):
        who = f"{user.display_name} is" if user else "You are"
        leave = "" if user else " Leave it first if you want to be in another team."
        super().__init__(f"{who} already in the team {team.name}.{leave}")


class TeamFull(TeamError):
    def __init__(self, team: Team):
        super().__init__(f"{team.name} is full ({team.event.team_size_max} members is the most this event "
                         "allows). Ask the captain to free a seat, or find another team in the team finder.")


class TeamsLocked(TeamError):
    def __init__(self, event: Event):
        super().__init__(f"Teams of {event.name} are locked: submissions are due, so members can't change. "
                         "Ask an organizer if your team needs fixing.")


class TeamDissolved(TeamError):
    status = 410

    def __init__(self, team: Team):
        super().__init__(f"The team {team.name} no longer exists: its last member left. "
                         "Create a team of your own, or find another in the team finder.")


class InviteCodeRotated(TeamError):
    status = 410

    def __init__(self, team: Team):
        super().__init__(f"This invite link of {team.name} has been replaced by a new one. "
                         "Ask a member of the team for the current link.")


class WrongEvent(TeamError):
    def __init__(self, team: Team, event: Event):
        super().__init__(f"This invite is for the team {team.name} of {team.event.name}, not of {event.name}. "
                         f"Open it from {team.event.name}'s pages instead.")


class TeamCodeNotFound(TeamError):
    status = 404

    def __init__(self, code: str):
        super().__init__(f"No team uses the code “{code[:40]}”. Check it letter by letter; if it's right, "
                         "the captain has changed it: ask the team for the current one.")


class TeamNameTaken(TeamError):
    def __init__(self, name: str):
        super().__init__(f"Another team of this event is already called “{name}”. Choose another name.")


class NotCaptain(TeamError):
    status = 403

    def __init__(self, team: Team):
        super().__init__(f"Only the captain of {team.name} can do this. Ask them, or ask them to make you captain.")


class NotMember(TeamError):
    def __init__(self, team: Team, user: User | None = None):
        self.status = 409 if user else 403  # about someone else: a stale page; about you: not your team
        who = f"{user.display_name} is" if user else "You are"
        super().__init__(f"{who} not a member of {team.name}.")


class NotYours(TeamError):
    status = 403


class TeamClosed(TeamError):
    def __init__(self, team: Team):
        super().__init__(f"{team.name} isn't taking requests right now. Ask a member for the team's invite "
                         "link, or find an open team in the team finder.")


class AskRefused(TeamError):
    """A request or invitation can't be sent or answered; the message says why."""
