"""Judge-effects estimator: each judge's score = offset + scale * entry quality + noise.

Every score (already weighted and on the 0-100 points scale) is modelled as

    score[j, e] = centre + offset[j] + scale[j] * (quality[e] - centre) + noise

where `centre` is the mean of all scores, `offset` is the judge's leniency at an average entry and
`scale` how widely the judge spreads entries. The fit alternates least squares (judges given
qualities, qualities given judges) with empirical-Bayes priors on the judges: offsets are shrunk
towards 0 and scales towards 1, and the prior's strength is estimated from how much the judges of
this event really differ. A judge's own scores outweigh the prior in proportion to their number,
so a judge with two scores is barely corrected and a judge with forty is corrected fully.

The gauge is fixed after every sweep (score-weighted mean offset 0, score-weighted geometric mean
scale 1), so qualities read as "points from the panel's average judge".
"""
import math
from dataclasses import dataclass, field

COLD_SWEEPS = 300
WARM_SWEEPS = 25
TOLERANCE = 1e-4  # points; far below the 0.001 the board shows
# A score-weighted guess of the noise, so an event with a handful of scores still gets a sane one.
PRIOR_NOISE_SD = 10.0
PRIOR_NOISE_WEIGHT = 2.0
# Bounds on the estimated spread of leniencies (points) and scales: the lower bound keeps the
# prior finite when judges look identical, the upper one keeps some shrinkage when they do not.
OFFSET_SD_RANGE = (0.25, 30.0)
SCALE_SD_RANGE = (0.02, 1.0)
DEFAULT_OFFSET_SD = 3.0
DEFAULT_SCALE_SD = 0.15
# A judge can never flip the order of entries nor blow it up.
SCALE_RANGE = (0.05, 5.0)
# Practically flat; only there so an entry seen by a near-constant judge stays finite.
QUALITY_PRIOR_WEIGHT = 1e-3
MIN_SCORES_FOR_SPREAD = 3


@dataclass
class Fit:
    """The fitted parameters; `quality` and `std_error` are in points, per entry."""

    quality: dict = field(default_factory=dict)
    std_error: dict = field(default_factory=dict)
    offset: dict = field(default_factory=dict)
    scale: dict = field(default_factory=dict)
    noise_sd: float = PRIOR_NOISE_SD
    sweeps: int = 0


@dataclass
class _Prior:
    noise_var: float = PRIOR_NOISE_SD**2
    offset_var: float = DEFAULT_OFFSET_SD**2
    scale_var: float = DEFAULT_SCALE_SD**2


def fit(by_judge: dict, by_entry: dict, start: Fit | None = None) -> Fit:
    """Fit judge offsets, scales and entry qualities; warm-start from `start` when given."""
    if not by_entry:
        return Fit()
    centre = math.fsum(s for scores in by_entry.values() for s in scores.values()) / sum(
        len(scores) for scores in by_entry.values()
    )
    offset, scale = _start_judges(by_judge, start)
    quality = _start_quality(by_entry, offset, scale, centre, start)
    limit = WARM_SWEEPS if start else COLD_SWEEPS
    for sweep in range(1, limit + 1):
        prior = _estimate_prior(by_judge, by_entry, offset, scale, quality, centre)
        offset, scale = _fit_judges(by_judge, quality, centre, prior)
        fresh = _fit_quality(by_entry, offset, scale, centre)
        _fix_gauge(by_judge, offset, scale, fresh)
        change = max(abs(fresh[e] - quality[e]) for e in fresh)
        quality = fresh
        if change < TOLERANCE:
            break
    errors = _std_errors(by_judge, by_entry, scale, prior)
    points = {e: centre + u for e, u in quality.items()}
    return Fit(points, errors, offset, scale, math.sqrt(prior.noise_var), sweep)


def _start_judges(by_judge, start):
    # New judges start as the average judge; known ones where the last fit left them.
    start = start or Fit()
    offset = {j: start.offset.get(j, 0.0) for j in by_judge}
    scale = {j: start.scale.get(j, 1.0) for j in by_judge}
    return offset, scale


def _start_quality(by_entry, offset, scale, centre, start):
    # Stored qualities are in points so a moved centre does not shift a warm start.
    start = start or Fit()
    quality = {}
    for e, scores in by_entry.items():
        if e in start.quality:
            quality[e] = start.quality[e] - centre
        else:
            guesses = [(s - centre - offset[j]) / scale[j] for j, s in scores.items()]
            quality[e] = math.fsum(guesses) / len(guesses)
    return quality


def _judge_sums(scores, quality, centre):
    n = len(scores)
    su = math.fsum(quality[e] for e in scores)
    suu = math.fsum(quality[e] ** 2 for e in scores)
    sy = math.fsum(s - centre for s in scores.values())
    suy = math.fsum(quality[e] * (s - centre) for e, s in scores.items())
    return n, su, suu, sy, suy


def _fit_judges(by_judge, quality, centre, prior):
    # Ridge regression of a judge's scores on the qualities, shrunk to offset 0 and scale 1.
    offset, scale = {}, {}
    offset_weight = prior.noise_var / prior.offset_var
    scale_weight = prior.noise_var / prior.scale_var
    for j, scores in by_judge.items():
        n, su, suu, sy, suy = _judge_sums(scores, quality, centre)
        a11, a12, a22 = n + offset_weight, su, suu + scale_weight
        det = a11 * a22 - a12 * a12
        b = (a11 * (suy + scale_weight) - a12 * sy) / det
        b = min(max(b, SCALE_RANGE[0]), SCALE_RANGE[1])
        offset[j] = (sy - su * b) / a11
        scale[j] = b
    return offset, scale


def _fit_quality(by_entry, offset, scale, centre):
    quality = {}
    for e, scores in by_entry.items():
        num = math.fsum(scale[j] * (s - centre - offset[j]) for j, s in scores.items())
        den = math.fsum(scale[j] ** 2 for j in scores) + QUALITY_PRIOR_WEIGHT
        quality[e] = num / den
    return quality


def _fix_gauge(by_judge, offset, scale, quality):
    # offset + scale*q is unchanged by q -> c + d*q; pick c, d so the average judge is neutral.
    counts = {j: len(scores) for j, scores in by_judge.items()}
    total = sum(counts.values())
    d = math.exp(math.fsum(counts[j] * math.log(scale[j]) for j in counts) / total)
    c = d * math.fsum(counts[j] * offset[j] for j in counts) / math.fsum(
        counts[j] * scale[j] for j in counts
    )
    for j in counts:
        offset[j] -= scale[j] * c / d
        scale[j] /= d
    for e in quality:
        quality[e] = c + d * quality[e]


def _estimate_prior(by_judge, by_entry, offset, scale, quality, centre):
    noise_var = _noise_var(by_judge, by_entry, offset, scale, quality, centre)
    ols = [_ols(scores, quality, centre, noise_var) for scores in by_judge.values()]
    ols = [fit for fit in ols if fit is not None]
    if len(ols) < 2:
        return _Prior(noise_var)
    # Method of moments: observed spread of unshrunk estimates minus their sampling noise.
    offset_var = math.fsum(a * a - va for a, _, va, _ in ols) / len(ols)
    scale_var = math.fsum((b - 1) ** 2 - vb for _, b, _, vb in ols) / len(ols)
    return _Prior(
        noise_var,
        _clamp(offset_var, OFFSET_SD_RANGE),
        _clamp(scale_var, SCALE_SD_RANGE),
    )


def _clamp(variance, sd_range):
    low, high = sd_range
    return min(max(variance, low * low), high * high)


def _noise_var(by_judge, by_entry, offset, scale, quality, centre):
    residuals = math.fsum(
        (s - centre - offset[j] - scale[j] * quality[e]) ** 2
        for e, scores in by_entry.items()
        for j, s in scores.items()
    )
    n_scores = sum(len(scores) for scores in by_entry.values())
    dof = max(0, n_scores - len(by_entry) - 2 * len(by_judge))
    prior = PRIOR_NOISE_WEIGHT * PRIOR_NOISE_SD**2
    return (residuals + prior) / (dof + PRIOR_NOISE_WEIGHT)


def _ols(scores, quality, centre, noise_var):
    # Unshrunk offset and scale of one judge with their sampling variances, or None if unknown.
    n, su, suu, sy, suy = _judge_sums(scores, quality, centre)
    sxx = suu - su * su / n if n else 0.0
    if n < MIN_SCORES_FOR_SPREAD or sxx <= 1e-9:
        return None
    b = (suy - su * sy / n) / sxx
    mean_u = su / n
    a = sy / n - b * mean_u
    return a, b, noise_var * (1 / n + mean_u**2 / sxx), noise_var / sxx


def _std_errors(by_judge, by_entry, scale, prior):
    # Noise of the entry's own scores plus the uncertainty of its judges' offsets.
    offset_weight = prior.noise_var / prior.offset_var
    offset_var = {j: prior.noise_var / (len(s) + offset_weight) for j, s in by_judge.items()}
    errors = {}
    for e, scores in by_entry.items():
        info = math.fsum(scale[j] ** 2 for j in scores) + QUALITY_PRIOR_WEIGHT
        spill = math.fsum(scale[j] ** 2 * offset_var[j] for j in scores)
        errors[e] = math.sqrt(prior.noise_var / info + spill / info**2)
    return errors
