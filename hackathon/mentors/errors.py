"""Why a mentoring action was refused: the domain errors of the mentors area, each saying what to do."""
from ..errors import DomainError


class MentoringError(DomainError):
    """A mentoring rule refused the action; the message says what to do instead."""


class NotMentor(MentoringError):
    status = 403

    def __init__(self, event):
        super().__init__(f"Only mentors of {event.name} can do this.")


class NoTeam(MentoringError):
    status = 403

    def __init__(self, event):
        super().__init__(f"Help requests come from teams: join or create a team of {event.name} first.")


class NotYourTeam(MentoringError):
    status = 403

    def __init__(self, request):
        super().__init__(f"This help request belongs to {request.team.name}; only its members can change it.")


class HelpClosed(MentoringError):
    def __init__(self, event):
        super().__init__(f"Teams ask mentors for help while hacking is on; {event.name} is not hacking now.")


class AlreadyAsked(MentoringError):
    def __init__(self, request):
        self.request = request
        super().__init__(f"{request.team.name} already has a help request waiting (“{request.topic}”). "
                         "Edit that one, or cancel it before asking again.")


class AlreadyClaimed(MentoringError):
    """Another mentor was quicker, or the team cancelled it meanwhile."""

    def __init__(self, request):
        if request.is_claimed and request.claimed_by is not None:
            message = (f"{request.claimed_by.display_name} has just taken {request.team.name}'s request. "
                       "Pick another from the queue.")
        else:
            message = f"{request.team.name}'s request is {request.status} now, so it can't be taken. Pick another."
        super().__init__(message)


class AlreadyHelping(MentoringError):
    def __init__(self, request=None):
        where = f" ({request.team.name}: “{request.topic}”)" if request is not None else ""
        super().__init__(f"You are already helping a team{where}. Resolve or release that request first.")


class NotYourClaim(MentoringError):
    status = 403

    def __init__(self, request):
        super().__init__(f"Only the mentor helping {request.team.name} can do this.")


class NotActive(MentoringError):
    def __init__(self, request, doing: str):
        super().__init__(f"This help request is {request.status}, so it can't be {doing} any more.")


class NotResolved(MentoringError):
    def __init__(self):
        super().__init__("Rate the help once your mentor has marked the request resolved.")


class AlreadyRated(MentoringError):
    def __init__(self):
        super().__init__("Your team has already rated this help. Thank you!")


class UnknownMentor(MentoringError):
    status = 422

    def __init__(self, event):
        super().__init__(f"Pick a mentor of {event.name} from the list, or nobody in particular.")


class NotEventTeam(MentoringError):
    status = 422

    def __init__(self, event):
        super().__init__(f"Pick a team of {event.name} from the list (dissolved teams get no mentors).")


class NotEventMentor(MentoringError):
    status = 422

    def __init__(self, event):
        super().__init__(f"Pick a mentor of {event.name} from the list.")


class NotEventChallenge(MentoringError):
    status = 422

    def __init__(self, event):
        super().__init__(f"Pick a challenge of {event.name} from the list.")


class MentorFull(MentoringError):
    def __init__(self, mentor, limit: int):
        super().__init__(f"{mentor.display_name} already mentors {limit} team{'s' if limit != 1 else ''}, "
                         "their limit. Raise the limit under Mentors, or pick another mentor.")


class BadNumber(MentoringError):
    status = 422

    def __init__(self, what: str, low: int, high: int):
        super().__init__(f"{what} is a whole number from {low} to {high}.")


class AssignmentsChanged(MentoringError):
    def __init__(self):
        super().__init__("Someone changed the standing mentors at the same moment. Look at the list and try again.")
