"""Log-in throttling that holds under parallel attempts and can't be turned against an account's owner.

Every attempt takes its place in the counters *before* its password is checked (one atomic
increment in the limiter's storage, memory or Redis), so a burst of simultaneous guesses is cut off
at the limit instead of all being checked first and counted afterwards. A successful log-in gives
its place back.

Two counters, both per address, so nobody can lock an owner out from elsewhere:
- the account *from this address* (LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS): one address guessing one
  account; the right password from another address is never refused because of it;
- the address (LOGIN_LIMIT_PER_ADDRESS): one address guessing many accounts.
"""
import time
from dataclasses import dataclass

from flask import current_app
from limits import RateLimitItem, parse_many
from limits.strategies import FixedWindowRateLimiter

from ..extensions import limiter


class TooManyAttempts(Exception):
    """The attempt was refused before its password was checked; retry after `retry_after` seconds."""

    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        super().__init__("Too many log-in attempts from your address. Wait a minute, then try again.")


@dataclass(frozen=True)
class Counter:
    limits: tuple[RateLimitItem, ...]
    key: tuple[str, ...]


def reserve_attempt(email: str, address: str) -> None:
    """Count one attempt at `email` from `address`, or raise TooManyAttempts (nothing kept counted)."""
    strategy, taken = _strategy(), []
    for counter in _counters(email, address):
        for item in counter.limits:
            if not strategy.hit(item, *counter.key):
                _give_back(taken + [(item, counter.key)])
                raise TooManyAttempts(_seconds_until_reset(strategy, item, counter.key))
            taken.append((item, counter.key))


def attempt_succeeded(email: str, address: str) -> None:
    """The right password: give the address its place back and forget this account's misses from it."""
    account, by_address = _counters(email, address)
    _give_back([(item, by_address.key) for item in by_address.limits])
    strategy = _strategy()
    for item in account.limits:
        strategy.clear(item, *account.key)


def _counters(email: str, address: str) -> list[Counter]:
    config = current_app.config
    email = email.strip().lower()[:254]
    return [Counter(tuple(parse_many(config["LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS"])), ("login-account", email, address)),
            Counter(tuple(parse_many(config["LOGIN_LIMIT_PER_ADDRESS"])), ("login-address", address))]


def _strategy() -> FixedWindowRateLimiter:
    # Fixed windows, so a place can be given back (a moving window can only add).
    return FixedWindowRateLimiter(limiter.storage)


def _give_back(taken: list[tuple[RateLimitItem, tuple[str, ...]]]) -> None:
    for item, key in taken:
        limiter.storage.incr(item.key_for(*key), item.get_expiry(), amount=-1)


def _seconds_until_reset(strategy: FixedWindowRateLimiter, item: RateLimitItem, key: tuple[str, ...]) -> int:
    return max(1, int(strategy.get_window_stats(item, *key).reset_time - time.time()) + 1)
