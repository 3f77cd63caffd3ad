"""The phase and countdown of an event, computed from its schedule. Pure: no Flask, no database."""
from dataclasses import dataclass
from datetime import datetime, timedelta

UPCOMING = "upcoming"
REGISTRATION = "registration"
HACKING = "hacking"
JUDGING = "judging"
RESULTS = "results"
CLOSED = "closed"
PHASES = (UPCOMING, REGISTRATION, HACKING, JUDGING, RESULTS, CLOSED)
LIVE_PHASES = (REGISTRATION, HACKING, JUDGING)

REGISTRATION_CLOSES = "Registration closes"

PHASE_LABELS = {
    UPCOMING: "Upcoming",
    REGISTRATION: "Registration open",
    HACKING: "Hacking",
    JUDGING: "Judging",
    RESULTS: "Results",
    CLOSED: "Closed",
}


@dataclass(frozen=True)
class Schedule:
    """An event's milestones, in UTC and in chronological order."""

    registration_opens_at: datetime
    registration_closes_at: datetime
    hacking_starts_at: datetime
    submissions_due_at: datetime
    judging_ends_at: datetime
    results_at: datetime

    def milestones(self) -> list[tuple[str, datetime]]:
        """Every milestone with its label, in chronological order."""
        return sorted(self._labelled() + [(REGISTRATION_CLOSES, self.registration_closes_at)],
                      key=lambda milestone: milestone[1])

    def countdown_milestones(self) -> list[tuple[str, datetime]]:
        """The milestones a countdown runs to: the ones that end a phase or scoring.

        Registration often stays open into hacking; counting down to it then would hide the
        submission deadline, which is what everyone in the room is racing.
        """
        return self._labelled()

    def _labelled(self) -> list[tuple[str, datetime]]:
        return [
            ("Registration opens", self.registration_opens_at),
            ("Hacking starts", self.hacking_starts_at),
            ("Submissions due", self.submissions_due_at),
            ("Judging ends", self.judging_ends_at),
            ("Results", self.results_at),
        ]

    def order_problems(self) -> list[tuple[str, str]]:
        """(field, message) for every milestone that comes before the one it must follow."""
        rules = [
            ("registration_closes_at", self.registration_opens_at, self.registration_closes_at,
             "Registration must close after it opens."),
            ("hacking_starts_at", self.registration_opens_at, self.hacking_starts_at,
             "Hacking must start after registration opens."),
            ("submissions_due_at", self.hacking_starts_at, self.submissions_due_at,
             "Submissions must be due after hacking starts."),
            ("judging_ends_at", self.submissions_due_at, self.judging_ends_at,
             "Judging must end after submissions are due."),
            ("results_at", self.judging_ends_at, self.results_at,
             "Results can't be published before judging ends."),
        ]
        return [(field, message) for field, earlier, later, message in rules if later < earlier]


@dataclass(frozen=True)
class ClockReading:
    """An event's clock at one instant: phase, next milestone and time left to it."""

    phase: str
    clock_time: datetime  # the event's own time: stands still while paused
    paused: bool
    next_label: str | None
    next_at: datetime | None

    @property
    def remaining(self) -> timedelta | None:
        return None if self.next_at is None else max(self.next_at - self.clock_time, timedelta(0))


def phase_at(schedule: Schedule, moment: datetime) -> str:
    """The phase the schedule puts `moment` in."""
    if moment < schedule.registration_opens_at:
        return UPCOMING
    if moment < schedule.hacking_starts_at:
        return REGISTRATION
    if moment < schedule.submissions_due_at:
        return HACKING
    if moment < schedule.results_at:
        return JUDGING
    return RESULTS


def read_clock(
    schedule: Schedule, now: datetime, paused_at: datetime | None = None,
    closed_at: datetime | None = None,
) -> ClockReading:
    """Read the clock at `now`; a paused clock reads as it did when it was paused."""
    if closed_at is not None and closed_at <= now:
        return ClockReading(CLOSED, now, False, None, None)
    moment = paused_at or now
    upcoming = [(label, at) for label, at in schedule.countdown_milestones() if at > moment]
    label, at = upcoming[0] if upcoming else (None, None)
    return ClockReading(phase_at(schedule, moment), moment, paused_at is not None, label, at)


START, PAUSE, RESUME, EXTEND, CLOSE = "start", "pause", "resume", "extend", "close"
PAUSABLE_PHASES = (HACKING, JUDGING)
EXTENDABLE_PHASES = (UPCOMING, REGISTRATION, HACKING)  # afterwards, single teams get extensions


def clock_actions(phase: str, paused: bool) -> frozenset[str]:
    """The organizer's clock overrides that make sense now: the console offers these, the services refuse the rest."""
    if phase == CLOSED:
        return frozenset()
    actions = {CLOSE}
    if paused:
        actions.add(RESUME)
    elif phase in PAUSABLE_PHASES:
        actions.add(PAUSE)
    if phase in (UPCOMING, REGISTRATION) and not paused:
        actions.add(START)
    if phase in EXTENDABLE_PHASES:
        actions.add(EXTEND)
    return frozenset(actions)
