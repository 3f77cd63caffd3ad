"""How long a waiting team can expect to wait, from recent service times. Pure: no Flask, no database."""
import math
from statistics import median


def expected_wait_minutes(position: int, service_minutes: list[float], free_mentors: int,
                          mentors_on_duty: int, own_mentor_free: bool = False) -> float | None:
    """Minutes until a mentor reaches the request at `position` (1 = next in the queue).

    A team whose own (standing) mentor is free is offered to them first, whatever its place: no wait.
    Otherwise the first `free_mentors` requests are taken at once; after them, every round of
    `mentors_on_duty` requests takes one typical (median) recent service time. None when there is
    nothing to go on: no mentor on duty, or no request resolved recently and nobody free.
    """
    if own_mentor_free or position <= free_mentors:
        return 0.0
    if mentors_on_duty < 1 or not service_minutes:
        return None
    rounds = math.ceil((position - free_mentors) / mentors_on_duty)
    return rounds * median(service_minutes)


def describe_wait(minutes: float | None) -> str:
    """The estimate as people say it: 'any moment', 'about 10 minutes', 'about 1 h 20 min'."""
    if minutes is None:
        return "no estimate yet"
    if minutes < 1:
        return "any moment"
    rounded = max(1, int(5 * round(minutes / 5)) if minutes >= 10 else int(round(minutes)))
    if rounded < 60:
        return f"about {rounded} minute{'s' if rounded != 1 else ''}"
    hours, rest = divmod(rounded, 60)
    return f"about {hours} h {rest} min" if rest else f"about {hours} h"
