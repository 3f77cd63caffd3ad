"""The judge-effects estimator on plain numbers, two judges per entry above all (issue 13)."""
import random
import statistics

import pytest

from hackathon.judging import judge_effects
from hackathon.judging.scoring import Criterion, ScoreRecord, rank

ONE = (Criterion("overall", 1, 0, 100),)
ENTRIES, JUDGES = 40, 8
# True qualities 20..78.5 points, 1.5 apart, in a scrambled order of entry ids.
TRUTH = {e: 20 + 1.5 * ((e * 17) % ENTRIES) for e in range(ENTRIES)}
NOISE_SD = 3.0
LENIENT = 22.0  # two marks on a 1-10 scale


def panel(entry):
    """Two judges per entry, in panels that overlap across the whole event."""
    return entry % JUDGES, (entry + 1 + entry // JUDGES) % JUDGES


def records(lenient=0.0, seed=1):
    """Every judge marks the true quality plus noise; judge 0 adds `lenient` points."""
    rng = random.Random(seed)
    return [
        ScoreRecord(j, e, {"overall": TRUTH[e] + (lenient if j == 0 else 0.0) + rng.gauss(0, NOISE_SD)})
        for e in range(ENTRIES)
        for j in panel(e)
    ]


def scores_of(records_):
    scores = judge_effects.Scores()
    for record in records_:
        scores.put(record.judge_id, record.entry_id, record.values["overall"])
    return scores


def kendall_tau(rows):
    order = [row.entry_id for row in rows]
    pairs = [(a, b) for i, a in enumerate(order) for b in order[i + 1 :]]
    return sum(1 if TRUTH[a] > TRUTH[b] else -1 for a, b in pairs) / len(pairs)


def bias_of_judge_0(rows, value):
    """Mean error (vs truth) of judge 0's entries minus that of the other entries."""
    error = {row.entry_id: value(row) - TRUTH[row.entry_id] for row in rows}
    judged = [e for e in error if 0 in panel(e)]
    return statistics.fmean(error[e] for e in judged) - statistics.fmean(
        error[e] for e in error if e not in judged
    )


def test_two_judges_per_entry_correct_a_lenient_judge():
    ranking = rank(records(LENIENT), ONE)
    raw = rank(records(LENIENT), ONE, method="raw")
    # Leniency is reported against the panel's average judge, who is 22/8 points lenient here.
    assert ranking.judges[0].leniency == pytest.approx(LENIENT * 7 / 8, abs=4)
    assert abs(bias_of_judge_0(ranking.rows, lambda row: row.adjusted)) < 3
    assert bias_of_judge_0(raw.rows, lambda row: row.raw_mean) > 9
    assert kendall_tau(ranking.rows) > kendall_tau(raw.rows) + 0.03


def test_two_judges_per_entry_estimate_the_noise_not_twice_it():
    # The old fit divided residuals at shrunk estimates by too few degrees of freedom and found
    # about twice the noise variance, which then pinned the spread of leniencies at its floor.
    fit = judge_effects.fit(scores_of(records(LENIENT)))
    assert fit.hyper.noise_var ** 0.5 == pytest.approx(NOISE_SD, rel=0.25)
    assert fit.hyper.offset_var ** 0.5 > 5


def test_unbiased_two_judge_design_comes_out_as_the_raw_mean():
    adjusted = {row.entry_id: row.adjusted for row in rank(records(), ONE).rows}
    raw = {row.entry_id: row.raw_mean for row in rank(records(), ONE, method="raw").rows}
    gaps = [abs(adjusted[e] - raw[e]) for e in raw]
    assert statistics.fmean(gaps) < 1.5
    assert max(gaps) < 3.5


def test_known_variances_are_kept():
    known = judge_effects.Hyper(9.0, 300.0, 1e-6, 0.01)
    fit = judge_effects.fit(scores_of(records(LENIENT)), known=known)
    assert fit.hyper == known
    assert max(abs(offset) for offset in fit.offset) < 0.01  # offsets pinned to 0


def test_fewer_scores_pull_an_entry_towards_the_middle():
    # Two entries with the same marks from the same kind of judges: the one with one score is
    # less certain, so it ranks below the one whose two judges agree.
    extra = [ScoreRecord(0, "once", {"overall": 95.0})]
    extra += [ScoreRecord(j, "twice", {"overall": 95.0}) for j in (1, 2)]
    rows = {row.entry_id: row for row in rank(records() + extra, ONE).rows}
    assert rows["twice"].rank < rows["once"].rank
    assert rows["once"].std_error > rows["twice"].std_error


def test_empty_scores_give_an_empty_fit():
    fit = judge_effects.fit(judge_effects.Scores())
    assert fit.entries == () and fit.judges == ()


def test_scores_keep_their_indices_when_judges_and_entries_leave():
    scores = scores_of(records())
    for e in range(ENTRIES):
        if 0 in panel(e):
            scores.put(0, e, None)
    scores.put(3, 5, 50.0)
    scores.put(3, 5, 51.0)
    assert 0 not in scores.judge_index and len(scores.judges) == JUDGES - 1
    for i, (judge, entry) in enumerate(scores.pairs):
        assert scores.judges[scores.jj[i]] == judge and scores.entries[scores.ee[i]] == entry
    assert scores.y[scores.slot[(3, 5)]] == 51.0


def test_a_warm_fit_reaches_the_cold_fit():
    rng = random.Random(5)
    scores = judge_effects.Scores()
    for e in range(150):
        for j in rng.sample(range(20), 3):
            scores.put(j, e, rng.uniform(20, 90))
    fit = judge_effects.fit(scores)
    for _ in range(20):
        judge, entry = rng.choice(scores.pairs)
        scores.put(judge, entry, None if rng.random() < 0.2 else rng.uniform(0, 100))
        fit = judge_effects.fit(scores, start=fit)
        cold = judge_effects.fit(scores)
        warm = dict(zip(fit.entries, fit.quality))
        assert all(abs(warm[e] - q) < 1e-4 for e, q in zip(cold.entries, cold.quality))
