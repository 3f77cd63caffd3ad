"""Counters of guesses (passwords, codes) that hold under parallel requests.

Every attempt takes its place in its counters *before* the guess is checked (one atomic increment
in the limiter's storage, memory or Redis), so a burst of simultaneous guesses is cut off at the
limit instead of all being checked first and counted afterwards. A right guess may give its place
back. Fixed windows, so a place can be given back (a moving window can only add).
"""
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse_many
from limits.strategies import FixedWindowRateLimiter

from .extensions import limiter


class TooManyAttempts(Exception):
    """The attempt was refused before its guess was checked; retry after `retry_after` seconds."""

    def __init__(self, message: str, retry_after: int):
        self.retry_after = retry_after
        super().__init__(message)


@dataclass(frozen=True)
class Counter:
    limits: tuple[RateLimitItem, ...]
    key: tuple[str, ...]

    @classmethod
    def of(cls, limits: str, *key: str) -> "Counter":
        """A counter under `key` with limits written as Flask-Limiter does ("10 per minute;60 per hour")."""
        return cls(tuple(parse_many(limits)), key)


def reserve(counters: list[Counter], message: str) -> None:
    """Count one attempt in every counter, or raise TooManyAttempts with `message` (nothing kept counted)."""
    strategy, taken = _strategy(), []
    for counter in counters:
        for item in counter.limits:
            if not strategy.hit(item, *counter.key):
                _give_back(taken + [(item, counter.key)])
                raise TooManyAttempts(message, _seconds_until_reset(strategy, item, counter.key))
            taken.append((item, counter.key))


def give_back(counter: Counter) -> None:
    """Return the place one attempt took in `counter`."""
    _give_back([(item, counter.key) for item in counter.limits])


def clear(counter: Counter) -> None:
    """Forget every attempt `counter` holds."""
    strategy = _strategy()
    for item in counter.limits:
        strategy.clear(item, *counter.key)


def _strategy() -> FixedWindowRateLimiter:
    return FixedWindowRateLimiter(limiter.storage)


def _give_back(taken: list[tuple[RateLimitItem, tuple[str, ...]]]) -> None:
    for item, key in taken:
        limiter.storage.incr(item.key_for(*key), item.get_expiry(), amount=-1)


def _seconds_until_reset(strategy: FixedWindowRateLimiter, item: RateLimitItem, key: tuple[str, ...]) -> int:
    return max(1, int(strategy.get_window_stats(item, *key).reset_time - time.time()) + 1)
