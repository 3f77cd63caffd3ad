"""What the registration rules refuse, each with a message that says what to do."""
from ..errors import DomainError


class RegistrationError(DomainError):
    """A registration rule refused the change."""


class ApplicationsClosed(RegistrationError):
    def __init__(self, event):
        super().__init__(f"Registration for {event.name} is not open: applications close at the cut-off, on "
                         "the event's clock. Ask an organizer for an invite link if you should take part.")


class AnswersInvalid(RegistrationError):
    """Some answers need fixing; `problems` maps each form field to its message."""

    status = 422

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("Please fix the answers marked below; everything you typed is still here.")


class AlreadyApplied(RegistrationError):
    def __init__(self):
        super().__init__("You have applied already: see where you stand on your registration page.")


class NoApplication(RegistrationError):
    def __init__(self):
        super().__init__("You have no application for this event.")


class NoSeatOffered(RegistrationError):
    def __init__(self, status: str):
        super().__init__(f"There is no seat to confirm: your application is {status}.")


class OfferExpired(RegistrationError):
    def __init__(self):
        super().__init__("The time to confirm your seat has passed, so it went to the next person on the waitlist.")


class LeaveTeamFirst(RegistrationError):
    def __init__(self):
        super().__init__("You are in a team: leave it first, then give up your seat.")


class NotUndoable(RegistrationError):
    def __init__(self, status: str):
        super().__init__(f"This application is {status} already; there is nothing to withdraw.")
