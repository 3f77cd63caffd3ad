"""Log-in throttling that holds under parallel attempts and can't be turned against an account's owner.

Each attempt takes its place before its password is checked (`throttling.py`); a successful log-in
gives it back. Two counters, both per address, so nobody can lock an owner out from elsewhere:
- the account *from this address* (LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS): one address guessing one
  account; the right password from another address is never refused because of it;
- the address (LOGIN_LIMIT_PER_ADDRESS): one address guessing many accounts.
"""
from flask import current_app

from .. import throttling
from ..throttling import TooManyAttempts

__all__ = ["TooManyAttempts", "attempt_succeeded", "reserve_attempt"]

MESSAGE = "Too many log-in attempts from your address. Wait a minute, then try again."


def reserve_attempt(email: str, address: str) -> None:
    """Count one attempt at `email` from `address`, or raise TooManyAttempts (nothing kept counted)."""
    throttling.reserve(_counters(email, address), MESSAGE)


def attempt_succeeded(email: str, address: str) -> None:
    """The right password: give the address its place back and forget this account's misses from it."""
    account, by_address = _counters(email, address)
    throttling.give_back(by_address)
    throttling.clear(account)


def _counters(email: str, address: str) -> list[throttling.Counter]:
    config = current_app.config
    email = email.strip().lower()[:254]
    return [throttling.Counter.of(config["LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS"], "login-account", email, address),
            throttling.Counter.of(config["LOGIN_LIMIT_PER_ADDRESS"], "login-address", address)]
