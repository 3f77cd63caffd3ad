"""Waiting-time arithmetic for the organizers' figures. Pure: no Flask, no database."""
import math
from statistics import median


def percentile(values: list[float], p: float) -> float | None:
    """The p-th percentile (0–100) by linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median_or_none(values: list[float]) -> float | None:
    """The median; None for no values."""
    return median(values) if values else None


def mean_or_none(values: list[float]) -> float | None:
    """The mean; None for no values."""
    return sum(values) / len(values) if values else None
