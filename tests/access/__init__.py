"""The access matrix: for every route, what each kind of visitor gets.

Each area adds a module here with a ROWS list; tests/test_access_matrix.py runs them all and fails
when a route of the app has no row. Outcomes:
  ALLOW  the view ran (any status but 401/403/404, a log-in redirect or a 5xx)
  LOGIN  sent to the log-in page (anonymous visitors of member-only pages)
  DENY   403
  HIDDEN 404 (the thing doesn't exist for this visitor)
"""
from dataclasses import dataclass, field

ALLOW, LOGIN, DENY, HIDDEN = "allow", "login", "deny", "hidden"
VISITORS = ("anonymous", "participant", "mentor", "judge", "organizer", "other_organizer", "site_admin", "volunteer")


@dataclass(frozen=True)
class Row:
    method: str
    path: str  # formatted with the world's names: {slug}, {draft_slug}, {invite_token}, ...
    outcomes: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)

    def outcome(self, visitor: str) -> str:
        return self.outcomes.get(visitor, self.outcomes.get("*"))


def everyone(outcome=ALLOW, **exceptions) -> dict:
    return {"*": outcome, **exceptions}


def members_only(**exceptions) -> dict:
    """Any logged-in account may; anonymous visitors are sent to log in."""
    return {"*": ALLOW, "anonymous": LOGIN, **exceptions}


def organizers_only() -> dict:
    """The organizers of this event and site admins; other accounts get 403."""
    return {"*": DENY, "anonymous": LOGIN, "organizer": ALLOW, "site_admin": ALLOW}


def site_admins_only() -> dict:
    return {"*": DENY, "anonymous": LOGIN, "site_admin": ALLOW}
