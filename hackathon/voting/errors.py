"""What the people's choice rules refuse, each with a message that says what to do instead."""
from ..errors import DomainError


class VotingError(DomainError):
    """A voting rule refused the action."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        if status is not None:
            self.status = status


class VotingNotOpen(VotingError):
    status = 409


class UnknownCode(VotingError):
    status = 422


class CodeFromAnotherEvent(UnknownCode):
    pass


class NotInGallery(VotingError):
    status = 409


class OwnEntry(VotingError):
    status = 409


class MayNotVote(VotingError):
    status = 403
