"""Judge-effects estimator: each judge's score = leniency + scale * entry quality + noise.

Every score (already weighted and on the 0-100 points scale) is modelled as

    score[j, e] = mu + offset[j] + scale[j] * quality[e] + noise,    noise ~ N(0, noise_var)

with priors quality[e] ~ N(0, quality_var), offset[j] ~ N(0, offset_var), scale[j] ~ N(1, scale_var).
The four variances (the hyper-parameters) are estimated from this event, each with a weak prior of
a few pseudo-observations so a tiny event still gets sane values.

Estimation is an EM algorithm. Given the scales and the hyper-parameters, the posterior of the
qualities and offsets together is Gaussian and exact: the entries are eliminated first (each entry
only touches its own judges), leaving a judges x judges system. The M-step then re-estimates the
scales (MAP) and the variances from the posterior *expectations*, which include the posterior
variances: with two judges per entry most of a score's residual is uncertainty of its entry's
quality, and counting that, rather than only the residuals at the point estimates, is what keeps
the noise and the spread of leniencies right (see docs/RANKING.md). Plain EM is slow, so a cold fit
is accelerated with Anderson mixing; a live update starts from the previous fit and takes Newton
steps with the previous fit's Jacobian, reaching the same fixed point as a cold fit.

After every step the gauge is fixed (score-weighted geometric mean scale 1), and qualities are
reported in points of the panel's average judge. The order is that of the posterior means, so an
entry with fewer or noisier scores than usual is pulled towards the middle in proportion to its
uncertainty; all qualities are divided by the pull of an entry with the average information, so
with an unbiased panel and a balanced event they come back as raw means. The standard error is the
posterior standard deviation, divided the same way. Pure maths: NumPy only, no Flask, no database.
"""
import math
from dataclasses import dataclass, field

import numpy as np

# Weak priors on the variances, as (pseudo-observations, standard deviation): the noise is worth
# two scores of 10 points, the spread of qualities one entry of 10 points, the spread of
# leniencies two judges of 5 points (half a mark on a 1-10 scale) and that of scales four judges of
# 0.25. With a dozen judges or more the event's own scores dominate every one of them.
NOISE_PRIOR = (2.0, 10.0)
QUALITY_PRIOR = (1.0, 10.0)
OFFSET_PRIOR = (2.0, 5.0)
SCALE_PRIOR = (4.0, 0.25)
# A judge can never flip the order of entries nor blow it up.
SCALE_RANGE = (0.05, 5.0)
# On the log-variances and log-scales (relative) and on mu (points): far below what the board shows.
TOLERANCE = 1e-8
MAX_STEPS = 3000
ANDERSON_MEMORY = 6
ANDERSON_STEPS = 100
# Anderson mixing starts once plain EM steps are this small, and a mixed step may not leave the
# plain step by more than MAX_LEAP (log units): far from the fixed point, extrapolation misleads.
ANDERSON_FROM = 0.05
MAX_LEAP = 0.2
NEWTON_STEPS = 6
# Below this many scores a fit is cheap and always cold. A tiny event can have two self-consistent
# fits (say, "noisy judges" and "lenient judges"), and a warm start would keep whichever it had;
# cold, the live board equals a recompute. Larger events have one fit in practice (tested).
WARM_FROM = 300
FD_STEP = 1e-6
LOG_VAR_RANGE = (-25.0, 25.0)
LOG_SCALE_RANGE = (math.log(SCALE_RANGE[0]), math.log(SCALE_RANGE[1]))
N_HYPER = 5  # log noise_var, log quality_var, log offset_var, log scale_var, mu


@dataclass(frozen=True)
class Hyper:
    """The variances of the model: noise, quality and offset in points^2, scale unitless."""

    noise_var: float
    quality_var: float
    offset_var: float
    scale_var: float


class Scores:
    """The scores as arrays (points, judge index, entry index), changed one score at a time."""

    def __init__(self):
        self.judges: list = []
        self.entries: list = []
        self.judge_index: dict = {}
        self.entry_index: dict = {}
        self.slot: dict = {}
        self.pairs: list = []
        self.y = np.zeros(16)
        self.jj = np.zeros(16, dtype=np.intp)
        self.ee = np.zeros(16, dtype=np.intp)
        self.judge_counts: list = []
        self.entry_counts: list = []

    def __len__(self) -> int:
        return len(self.pairs)

    def put(self, judge_id, entry_id, points: float | None) -> None:
        """Set a judge's score of an entry in points; None removes it."""
        i = self.slot.get((judge_id, entry_id))
        if points is None:
            if i is not None:
                self._remove(i)
        elif i is not None:
            self.y[i] = points
        else:
            self._add(judge_id, entry_id, points)

    def _add(self, judge_id, entry_id, points):
        n = len(self.pairs)
        if n == len(self.y):
            self.y, self.jj, self.ee = (np.resize(a, 2 * n) for a in (self.y, self.jj, self.ee))
        self.y[n] = points
        self.jj[n] = self._index(judge_id, self.judges, self.judge_index, self.judge_counts)
        self.ee[n] = self._index(entry_id, self.entries, self.entry_index, self.entry_counts)
        self.slot[(judge_id, entry_id)] = n
        self.pairs.append((judge_id, entry_id))

    @staticmethod
    def _index(key, keys, index, counts) -> int:
        if key not in index:
            index[key] = len(keys)
            keys.append(key)
            counts.append(0)
        counts[index[key]] += 1
        return index[key]

    def _remove(self, i):
        # Move the last score into the freed slot; drop a judge or entry left without scores.
        judge, entry = self.pairs[i]
        last = len(self.pairs) - 1
        self.y[i], self.jj[i], self.ee[i] = self.y[last], self.jj[last], self.ee[last]
        self.pairs[i] = self.pairs[last]
        self.slot[self.pairs[i]] = i
        self.pairs.pop()
        del self.slot[(judge, entry)]
        self._release(judge, self.judges, self.judge_index, self.judge_counts, self.jj)
        self._release(entry, self.entries, self.entry_index, self.entry_counts, self.ee)

    def _release(self, key, keys, index, counts, column):
        k = index[key]
        counts[k] -= 1
        if counts[k]:
            return
        last = len(keys) - 1
        n = len(self.pairs)
        column[:n][column[:n] == last] = k
        keys[k], counts[k] = keys[last], counts[last]
        index[keys[k]] = k
        keys.pop(), counts.pop()
        del index[key]


@dataclass
class Fit:
    """A fitted event: per entry (in `entries` order) quality and standard error in points; per
    judge (in `judges` order) leniency in points and scale; the hyper-parameters."""

    entries: tuple = ()
    judges: tuple = ()
    quality: np.ndarray = field(default_factory=lambda: np.zeros(0))
    std_error: np.ndarray = field(default_factory=lambda: np.zeros(0))
    offset: np.ndarray = field(default_factory=lambda: np.zeros(0))
    scale: np.ndarray = field(default_factory=lambda: np.ones(0))
    hyper: Hyper | None = None
    steps: int = 0
    state: np.ndarray | None = None
    newton: np.ndarray | None = None  # inverse Jacobian of the fixed-point residual, for updates


class _Design:
    """One snapshot of the scores with the index arithmetic every step shares."""

    def __init__(self, scores: Scores):
        n = len(scores)
        self.y = scores.y[:n].copy()
        self.jj = scores.jj[:n].copy()
        self.ee = scores.ee[:n].copy()
        self.n_judges, self.n_entries, self.n = len(scores.judges), len(scores.entries), n
        self.flat = self.ee * self.n_judges + self.jj
        self.judge_n = np.bincount(self.jj, minlength=self.n_judges).astype(float)
        self.diagonal = np.diag_indices(self.n_judges)
        self.judges, self.entries = tuple(scores.judges), tuple(scores.entries)


def fit(scores: Scores, start: Fit | None = None, known: Hyper | None = None) -> Fit:
    """Fit qualities, leniencies and scales; warm-start from `start`; `known` fixes the variances."""
    if not len(scores):
        return Fit()
    if len(scores) < WARM_FROM:
        start = None
    design = _Design(scores)
    state = _start_state(design, start, known)
    newton = None
    if start is not None and start.state is not None:
        same_panel = start.judges == design.judges and start.newton is not None
        newton = start.newton if same_panel else _jacobian_inverse(design, state, known)
    state, post, steps, newton = _solve(design, state, known, newton)
    return _result(design, state, post, steps, newton, known)


def _start_state(design, start, known):
    if start is not None and start.state is not None:
        old = dict(zip(start.judges, start.state[N_HYPER:]))
        state = np.concatenate([start.state[:N_HYPER], [old.get(j, 0.0) for j in design.judges]])
    else:
        spread = float(np.var(design.y)) + 1.0
        hyper = np.log([0.3 * spread, 0.5 * spread, 0.1 * spread, SCALE_PRIOR[1] ** 2])
        state = np.concatenate([hyper, [np.mean(design.y)], np.zeros(design.n_judges)])
    if known is not None:
        state[:4] = np.log([known.noise_var, known.quality_var, known.offset_var, known.scale_var])
    return state


def _solve(design, state, known, newton):
    # A warm start takes quasi-Newton steps from the previous fit's inverse Jacobian (refreshed by
    # Broyden's update as it goes); a cold one, or a warm one that does not settle at once, goes on
    # with Anderson-accelerated EM steps (and a fresh Jacobian next time).
    steps = 0
    if newton is not None:
        state, post, steps, newton = _newton(design, state, known, newton.copy())
        if post is not None:
            return state, post, steps, newton
    state, post, more = _anderson(design, state, known)
    return state, post, steps + more, None


def _newton(design, state, known, inverse):
    mapped, post = _em_step(design, state, known)
    residual = mapped - state
    for step in range(1, NEWTON_STEPS + 1):
        if _size(residual) < TOLERANCE:
            return state, post, step, inverse
        moved = _bounded(state - inverse @ residual)
        move, state = moved - state, moved
        mapped, post = _em_step(design, state, known)
        change, residual = mapped - state - residual, mapped - state
        guess = inverse @ change
        scale = move @ guess
        if abs(scale) > 1e-300:
            inverse += np.outer(move - guess, move @ inverse) / scale
    return state, None, NEWTON_STEPS, None


def _anderson(design, state, known):
    # Anderson mixing of the EM map, safeguarded: far from the fixed point, after a mixed step that
    # made things worse or leapt too far, and for good after ANDERSON_STEPS, it takes plain EM steps.
    states, residuals = [], []
    best, good, plain_until = np.inf, None, 0
    for step in range(1, MAX_STEPS + 1):
        mapped, post = _em_step(design, state, known)
        residual = mapped - state
        size = _size(residual)
        if size < TOLERANCE:
            return state, post, step
        is_plain = step < plain_until or step > ANDERSON_STEPS or size > ANDERSON_FROM
        if not is_plain and size > 10 * best:
            states, residuals = [], []
            state, plain_until = good[0], step + 10
            continue
        if size < best:
            best, good = size, (state, post)
        if is_plain:
            state = mapped
            continue
        states, residuals = states[-ANDERSON_MEMORY:] + [state], residuals[-ANDERSON_MEMORY:] + [residual]
        state = _mixed(states, residuals, mapped)
    return good[0], good[1], MAX_STEPS


def _mixed(states, residuals, mapped):
    # The Anderson step, kept within MAX_LEAP of the plain step.
    if len(states) < 2:
        return mapped
    d_states = np.diff(np.array(states), axis=0).T
    d_residuals = np.diff(np.array(residuals), axis=0).T
    gamma = np.linalg.lstsq(d_residuals, residuals[-1], rcond=1e-12)[0]
    leap = states[-1] + residuals[-1] - (d_states + d_residuals) @ gamma - mapped
    size = _size(leap)
    if size > MAX_LEAP:
        leap *= MAX_LEAP / size if np.isfinite(size) else 0.0
    return _bounded(mapped + leap)


def _size(residual) -> float:
    size = float(np.abs(residual).max())
    return size if size < np.inf else np.inf  # NaN counts as infinitely far


def _bounded(state):
    state[:4] = np.minimum(np.maximum(state[:4], LOG_VAR_RANGE[0]), LOG_VAR_RANGE[1])
    state[N_HYPER:] = np.minimum(np.maximum(state[N_HYPER:], LOG_SCALE_RANGE[0]), LOG_SCALE_RANGE[1])
    return state


def _jacobian_inverse(design, state, known):
    # Finite differences of the EM map F; a Newton step on F(x) - x = 0 is x - (J - I)^-1 (F(x) - x).
    base = _em_step(design, state, known)[0]
    jac = np.empty((len(state), len(state)))
    for i in range(len(state)):
        moved = state.copy()
        moved[i] += FD_STEP
        jac[:, i] = (_em_step(design, moved, known)[0] - base) / FD_STEP
    try:
        return np.linalg.inv(jac - np.eye(len(state)))
    except np.linalg.LinAlgError:
        return None


def _posterior(design, noise_var, quality_var, offset_var, mu, scale):
    # The exact Gaussian posterior of qualities and offsets given scales and variances: eliminate
    # the entries (diagonal block), solve the judges' system, then back-substitute.
    jj, ee, n_judges, n_entries = design.jj, design.ee, design.n_judges, design.n_entries
    judge_scale = scale[jj]
    r = design.y - mu
    d = np.bincount(ee, weights=judge_scale * judge_scale, minlength=n_entries) + noise_var / quality_var
    cross = np.zeros(n_entries * n_judges)
    cross[design.flat] = judge_scale
    cross = cross.reshape(n_entries, n_judges)
    h_entry = np.bincount(ee, weights=judge_scale * r, minlength=n_entries)
    g = cross / d[:, None]
    system = -(cross.T @ g)
    system[design.diagonal] += design.judge_n + noise_var / offset_var
    system_inv = np.linalg.inv(system)
    offset = system_inv @ (np.bincount(jj, weights=r, minlength=n_judges) - h_entry @ g)
    quality = (h_entry - cross @ offset) / d
    k = g @ system_inv
    quality_var_post = noise_var * (1 / d + np.einsum("ij,ij->i", k, g))
    offset_var_post = noise_var * system_inv[design.diagonal]
    covariance = -noise_var * k.ravel()[design.flat]  # cov(quality[e], offset[j]) per score
    return r, quality, offset, quality_var_post, offset_var_post, covariance


def _em_step(design, state, known):
    """One EM step: the posterior at `state`, then the new state (scales, variances, mu)."""
    noise_var, quality_var, offset_var, scale_var = np.exp(state[:4]).tolist()
    mu, scale = float(state[4]), np.exp(state[N_HYPER:])
    post = _posterior(design, noise_var, quality_var, offset_var, mu, scale)
    r, quality, offset, quality_pv, offset_pv, covariance = post
    jj, ee, n_judges = design.jj, design.ee, design.n_judges
    quality_sq = quality * quality + quality_pv
    quality_e, offset_j = quality[ee], offset[jj]
    # Scales: ridge regression on the expected qualities, shrunk to 1.
    weight = noise_var / scale_var
    sxx = np.bincount(jj, weights=quality_sq[ee], minlength=n_judges) + weight
    sxy = np.bincount(jj, weights=quality_e * (r - offset_j) - covariance, minlength=n_judges)
    new_scale = np.minimum(np.maximum((sxy + weight) / sxx, SCALE_RANGE[0]), SCALE_RANGE[1])
    scale_spread = float(((new_scale - 1) ** 2).sum() + (noise_var / sxx).sum())  # with posterior variances
    scale_j = new_scale[jj]
    residual = r - offset_j - scale_j * quality_e
    if known is None:
        expected_sq = residual * residual + offset_pv[jj] + scale_j * (2 * covariance + scale_j * quality_pv[ee])
        noise_var = _variance(expected_sq.sum(), design.n, NOISE_PRIOR)
        quality_var = _variance(quality_sq.sum(), design.n_entries, QUALITY_PRIOR)
        offset_var = _variance((offset * offset + offset_pv).sum(), n_judges, OFFSET_PRIOR)
        scale_var = _variance(scale_spread, n_judges, SCALE_PRIOR)
    mu += float(residual.sum()) / design.n
    # Gauge: the score-weighted geometric mean scale is 1 (qualities in average-judge points).
    log_scale = np.log(new_scale)
    shift = float(design.judge_n @ log_scale) / design.n
    log_scale -= shift
    if known is not None:
        return np.concatenate([state[:4], [mu], log_scale]), post
    quality_var *= math.exp(2 * shift)
    hyper = [math.log(noise_var), math.log(quality_var), math.log(offset_var), math.log(scale_var), mu]
    return np.concatenate([hyper, log_scale]), post


def _variance(sum_of_squares, count, prior):
    weight, sd = prior
    return (sum_of_squares + weight * sd * sd) / (count + weight)


def _result(design, state, post, steps, newton, known):
    # Qualities are posterior means, which pull every entry towards the middle; dividing by the
    # pull of an entry with the average information keeps them in points (an unbiased panel scoring
    # a balanced event gives its raw means back) while entries with fewer or noisier scores than
    # usual stay pulled in. One factor for all entries, so the order is the posterior order.
    _, quality, offset, quality_pv, _, _ = post
    noise_var, quality_var = np.exp(state[:2]).tolist()
    scale = np.exp(state[N_HYPER:])
    information = float((scale[design.jj] ** 2).sum()) / design.n_entries
    pull = information / (information + noise_var / quality_var)
    mean_offset = float(design.judge_n @ offset) / design.n
    hyper = known or Hyper(*np.exp(state[:4]).tolist())
    return Fit(design.entries, design.judges, state[4] + mean_offset + quality / pull, np.sqrt(quality_pv) / pull,
               offset - mean_offset, scale, hyper, steps, state, newton)
