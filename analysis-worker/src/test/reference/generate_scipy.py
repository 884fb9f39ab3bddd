#!/usr/bin/python3
"""Reference fixtures computed with SciPy / NumPy.

    /usr/bin/python3 analysis-worker/src/test/reference/generate_scipy.py

(Debian's python3 with scipy 1.10.1 / numpy 1.24; a python without scipy will
not do.)  Writes analysis-worker/src/test/resources/reference/scipy.ndjson,
path resolved relative to this file.

Types:
  correlation (method "spearman")  scipy.stats.spearmanr: Pearson correlation of
      average ranks; p = 2 * stdtr(n-2, -|t|), t = r*sqrt((n-2)/((1+r)(1-r))).
  mann_whitney   scipy.stats.mannwhitneyu(a, b, alternative, method="asymptotic",
      use_continuity=True): u_statistic = U of sample a, tie-corrected normal
      approximation, continuity 0.5, two-sided p = min(1, 2*sf(z)).
  wilcoxon_signed_rank   scipy.stats.wilcoxon(a - b - mu, zero_method="wilcox",
      correction=True, method="approx", alternative): R's wilcox.test(paired=TRUE,
      exact=FALSE, correct=TRUE); statistic = R's V, the sum of the ranks of the
      positive differences (SciPy's statistic with alternative "greater"; its
      two-sided statistic is min(V, n(n+1)/2 - V), the same p-value).
  tukey_hsd      scipy.stats.tukey_hsd(*groups): diff = mean(b) - mean(a) for each
      pair a < b in R's order, its interval from studentized_range.ppf, p-value
      from studentized_range.sf (SciPy integrates to about 1e-10, where R's
      qtukey stops at a 1e-4 step).
  kruskal_wallis scipy.stats.kruskal(*groups): H with the tie correction,
      chi-square p with groups - 1 degrees of freedom, as R's kruskal.test.
  descriptive    numpy mean / var(ddof=1) / std(ddof=1) / min / max,
      numpy.percentile 25/50/75 (default "linear" = R type 7),
      scipy.stats.skew(bias=False) (n >= 3), scipy.stats.kurtosis(bias=False)
      (excess, n >= 4).

Determinism: numpy.random.RandomState (legacy Mersenne-Twister stream, frozen by
NumPy's compatibility policy), one seed per section.  Floats are written by the
json module (shortest repr that round-trips); every line is re-parsed and
compared with the original objects.

Large offsets (1e9 + noise): rank-based results are computed on the raw data;
for descriptive, the shift-invariant moments (variance, sd, skewness, kurtosis)
are computed on v = x - 1e9 (exact, asserted) and the mean as 1e9 + mean(v), so
the expectations are the exact-data answers rather than float rounding at the
1e9 scale.
"""
import json
import math
import os
import sys
from collections import Counter

import numpy as np
import scipy
import scipy.stats as st

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "resources", "reference", "scipy.ndjson"))
SRC = "SciPy %s / NumPy %s" % (scipy.__version__, np.__version__)
OFF = 1e9
ALTS = ["two-sided", "less", "greater"]

LINES, NAMES, TYPES = [], set(), Counter()


def fl(v):
    v = float(v)
    if not math.isfinite(v):
        raise ValueError("non-finite value")
    return v


def flist(a):
    return [fl(v) for v in a]


def add_case(name, source, request, expected):
    if name in NAMES:
        sys.exit("duplicate case " + name)
    for k, v in expected.items():
        if k.startswith("p_value") and not (1e-300 < v <= 1):
            sys.exit("%s: p-value out of range %r" % (name, v))
    obj = {"name": name, "source": source, "request": request, "expected": expected}
    line = json.dumps(obj, allow_nan=False, separators=(",", ":"))
    if json.loads(line) != obj:
        sys.exit("round trip failed for " + name)
    NAMES.add(name)
    TYPES[request["type"]] += 1
    LINES.append(line)


def shifted(x, shift):
    x = np.asarray(x, dtype=float)
    v = x - shift
    if not np.array_equal(v + shift, x):
        sys.exit("shift not exact")
    return v


def gen(rs, n, kind="norm", m=0.0, s=1.0):
    if kind == "norm":
        x = rs.normal(m, s, n)
    elif kind == "r1":
        x = np.round(rs.normal(m, s, n), 1)
    elif kind == "r2":
        x = np.round(rs.normal(m, s, n), 2)
    elif kind == "int":
        x = np.round(rs.normal(m, s, n))
    elif kind == "likert":  # heavy ties: integers m-2 .. m+2
        x = m + rs.randint(-2, 3, n).astype(float)
    elif kind == "exp":
        x = m + rs.exponential(s, n)
    elif kind == "unif":
        x = rs.uniform(m - s, m + s, n)
    elif kind == "t3":
        x = m + s * rs.standard_t(3, n)
    elif kind == "d64":  # dyadic grid: exact, short decimal text
        x = np.round(rs.normal(m, s, n) * 64) / 64
    else:
        raise ValueError(kind)
    if np.all(x == x[0]):
        sys.exit("constant sample")
    return x


# ------------------------------------------------------------------ Spearman
def spearman_case(name, x, y):
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    r = st.spearmanr(x, y)
    req = {"type": "correlation", "x": flist(x), "y": flist(y), "method": "spearman"}
    exp = {"coefficient": fl(r.correlation), "p_value": fl(r.pvalue), "n": len(x)}
    add_case("correlation/spearman/" + name, SRC + " spearmanr", req, exp)


def spearman_cases():
    rs = np.random.RandomState(201)

    def xy(n, rho, kind="norm", kind_y=None):
        x = gen(rs, n, kind, 2, 1.5)
        e = rs.normal(0, 1, n)
        y = 5 + 2 * (rho * (x - 2) / 1.5 + math.sqrt(1 - rho * rho) * e)
        if kind_y == "r1":
            y = np.round(y, 1)
        elif kind_y == "int":
            y = np.round(y)
        elif kind_y == "d64":
            y = np.round(y * 64) / 64
        return x, y

    # n = 3: avoid |r| == 1 (t infinite, p = 0)
    while True:
        x, y = xy(3, 0.3)
        if abs(st.spearmanr(x, y).correlation) < 1:
            break
    spearman_case("n=3", x, y)
    while True:
        x, y = xy(4, -0.4)
        if abs(st.spearmanr(x, y).correlation) < 1:
            break
    spearman_case("n=4", x, y)
    for k, n in enumerate([5, 10, 30, 100, 1000]):
        x, y = xy(n, [0.5, -0.3, 0.2, 0.1, -0.05][k], ["norm", "unif", "exp", "norm", "t3"][k])
        spearman_case("n=%d" % n, x, y)
    x, y = xy(3000, 0.03, "d64", "d64")
    spearman_case("n=3000", x, y)
    x, y = xy(25, 0.4, "r1", "r1")
    spearman_case("ties/round1/n=25", x, y)
    x = gen(rs, 60, "likert", 3)
    y = np.clip(x + rs.randint(-2, 3, 60), 1, 5).astype(float)
    spearman_case("ties/likert/n=60", x, y)
    x, y = xy(4, 0.5, "int", "int")
    spearman_case("ties/int/n=4", x, y)
    x, y = xy(30, 0.6)
    spearman_case("offset1e9_x/n=30", OFF + x, y)
    x, y = xy(400, -0.3, "r1", "r1")
    spearman_case("offset1e9_xy/ties/n=400", OFF + x, OFF + y)
    x, y = xy(200, 0.9)
    spearman_case("small_p/n=200", x, y)
    x, y = xy(40, -0.97)
    spearman_case("small_p/n=40/negative", x, y)
    while True:
        x, y = xy(80, 0.0)
        r = st.spearmanr(x, y).correlation
        if 1e-3 < abs(r) < 0.01:
            break
    spearman_case("p_near_1/n=80", x, y)


# ------------------------------------------------------------------ Mann-Whitney
def mw_case(name, a, b, alternative=None):
    a = np.asarray(a, float)
    b = np.asarray(b, float)
    r = st.mannwhitneyu(a, b, alternative=alternative or "two-sided",
                        method="asymptotic", use_continuity=True)
    req = {"type": "mann_whitney", "a": flist(a), "b": flist(b)}
    if alternative is not None:
        req["alternative"] = alternative
    exp = {"u_statistic": fl(r.statistic), "p_value": fl(r.pvalue)}
    add_case("mann_whitney/" + name, SRC + " mannwhitneyu(method='asymptotic', use_continuity=True)", req, exp)


def mw_cases():
    rs = np.random.RandomState(202)
    k = 0
    for na, nb in [(2, 2), (2, 3), (3, 2), (3, 5), (10, 10), (10, 25), (30, 12), (100, 80)]:
        for alt in ALTS:
            k += 1
            a = gen(rs, na, ["norm", "exp", "unif"][k % 3], 5, 1 + k % 2)
            b = gen(rs, nb, "norm", 5 + 0.3 * (k % 5 - 2), 1 + 2 * (k % 3 == 0))
            mw_case("na=%d/nb=%d/%s" % (na, nb, alt), a, b,
                    None if (alt == "two-sided" and k % 2 == 0) else alt)
    mw_case("na=1000/nb=700/two-sided", gen(rs, 1000, "norm", 0, 1), gen(rs, 700, "norm", 0.05, 1.5))
    mw_case("na=3000/nb=2000/less", gen(rs, 3000, "d64", 10, 2), gen(rs, 2000, "d64", 10.1, 2), "less")
    mw_case("ties/round1/na=15/nb=18/two-sided", gen(rs, 15, "r1", 1, 1), gen(rs, 18, "r1", 1.5, 1), "two-sided")
    mw_case("ties/likert/na=40/nb=35/greater", gen(rs, 40, "likert", 3), gen(rs, 35, "likert", 3), "greater")
    mw_case("ties/likert/na=200/nb=150/less", gen(rs, 200, "likert", 3), gen(rs, 150, "likert", 3.3), "less")
    mw_case("ties/int/na=2/nb=3", np.array([1.0, 2.0]), np.array([2.0, 2.0, 3.0]))
    mw_case("ties/all_but_one_tied/na=4/nb=4", np.array([5.0, 5.0, 5.0, 5.0]), np.array([5.0, 5.0, 5.0, 6.0]), "less")
    k = 0
    for na, nb in [(3, 4), (20, 15), (300, 250)]:
        for alt in ALTS:
            k += 1
            mw_case("offset1e9/na=%d/nb=%d/%s" % (na, nb, alt),
                    OFF + gen(rs, na, "r1" if k % 2 else "norm", 0.4, 1),
                    OFF + gen(rs, nb, "norm", 0, 1), alt)
    mw_case("small_p/na=100/nb=120/two-sided", gen(rs, 100, "norm", 2, 1), gen(rs, 120, "norm", 0, 1))
    mw_case("small_p/na=60/nb=50/less", gen(rs, 60, "r1", 0, 1), gen(rs, 50, "r1", 3, 1), "less")
    mw_case("p_near_1/na=30/nb=30/greater", gen(rs, 30, "norm", 0, 1), gen(rs, 30, "norm", 2, 1), "greater")
    while True:  # U1 just off its mean: two-sided p slightly below 1
        a, b = gen(rs, 40, "norm"), gen(rs, 50, "norm")
        u = st.mannwhitneyu(a, b, method="asymptotic").statistic
        if 0 < abs(u - 40 * 50 / 2) <= 3:
            break
    mw_case("p_near_1/na=40/nb=50/two-sided", a, b, "two-sided")
    # U1 exactly at its mean: 2*sf(z) > 1, SciPy clips p to 1
    mw_case("p_clipped_to_1/na=3/nb=4/two-sided",
            np.array([1.5, 4.5, 7.5]), np.array([2.5, 3.5, 5.5, 6.5]), "two-sided")


# ------------------------------------------------------------------ Wilcoxon signed-rank
def wsr_case(name, a, b, mu=None, alternative=None):
    a = np.asarray(a, float)
    b = np.asarray(b, float)
    d = (a - b) - (mu or 0.0)  # R: x - y, then - mu
    nz = int(np.count_nonzero(d))
    alt = alternative or "two-sided"
    r = st.wilcoxon(d, zero_method="wilcox", correction=True, method="approx", alternative=alt)
    v = st.wilcoxon(d, zero_method="wilcox", correction=True, method="approx", alternative="greater").statistic
    req = {"type": "wilcoxon_signed_rank", "a": flist(a), "b": flist(b)}
    if mu is not None:
        req["mu"] = fl(mu)
    if alternative is not None:
        req["alternative"] = alternative
    exp = {"statistic": fl(v), "p_value": fl(r.pvalue), "n": len(a), "n_nonzero": nz}
    add_case("wilcoxon_signed_rank/scipy/" + name,
             SRC + " wilcoxon(zero_method='wilcox', correction=True, method='approx')", req, exp)


def wsr_cases():
    rs = np.random.RandomState(205)
    k = 0
    for n in [1, 2, 3, 5, 10, 25, 60, 200]:
        for alt in ALTS:
            k += 1
            a = gen(rs, max(n, 2), ["norm", "exp", "unif"][k % 3], 5, 1)[:n]
            b = a - gen(rs, max(n, 2), "norm", 0.4 * (k % 3 - 1), 1)[:n]
            wsr_case("n=%d/%s" % (n, alt), a, b, None, None if (alt == "two-sided" and k % 2 == 0) else alt)
    wsr_case("mu/n=20/two-sided", gen(rs, 20, "norm", 3, 1), gen(rs, 20, "norm", 1, 1), 1.5)
    wsr_case("mu/n=15/less", gen(rs, 15, "norm", 0, 1), gen(rs, 15, "norm", 0, 1), -0.25, "less")
    a = gen(rs, 30, "likert", 3)
    wsr_case("ties_and_zeros/likert/n=30/two-sided", a, gen(rs, 30, "likert", 3))
    wsr_case("ties_and_zeros/likert/n=80/greater", gen(rs, 80, "likert", 3.4), gen(rs, 80, "likert", 3), None, "greater")
    wsr_case("ties/round1/n=40/less", gen(rs, 40, "r1", 1, 1), gen(rs, 40, "r1", 1.3, 1), None, "less")
    wsr_case("zeros/some_equal_pairs/n=12", np.array([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
             np.array([1.0, 2, 3, 3.5, 4, 7, 6.5, 8, 8, 11, 10, 9]))
    wsr_case("one_nonzero/n=4/greater", np.array([1.0, 2, 3, 4]), np.array([1.0, 2, 3, 3]), None, "greater")
    wsr_case("large/n=3000/two-sided", gen(rs, 3000, "d64", 10, 2), gen(rs, 3000, "d64", 10.05, 2))
    for alt in ALTS:
        x = gen(rs, 50, "norm", 0, 1)
        wsr_case("offset1e9/n=50/%s" % alt, OFF + x, OFF + x - gen(rs, 50, "r1", 0.2, 1), None, alt)
    wsr_case("small_p/n=100/less", gen(rs, 100, "norm", 0, 1), gen(rs, 100, "norm", 1, 1), None, "less")


# ------------------------------------------------------------------ Tukey's HSD
def tukey_comparisons(groups, confidence):
    r = st.tukey_hsd(*groups)
    ci = r.confidence_interval(confidence_level=confidence)
    out = []
    for a in range(len(groups)):
        for b in range(a + 1, len(groups)):
            out.append({"group_a": a, "group_b": b, "diff": fl(r.statistic[b, a]), "ci_low": fl(ci.low[b, a]),
                        "ci_high": fl(ci.high[b, a]), "p_value": fl(r.pvalue[b, a])})
    return out


def tukey_case(name, groups, confidence=None):
    groups = [np.asarray(g, float) for g in groups]
    req = {"type": "tukey_hsd", "groups": [flist(g) for g in groups]}
    if confidence is not None:
        req["confidence"] = confidence
    add_case("tukey_hsd/scipy/" + name, SRC + " tukey_hsd", req,
             {"comparisons": tukey_comparisons(groups, confidence or 0.95)})


def tukey_cases():
    rs = np.random.RandomState(207)
    tukey_case("k=2/df=2", [[1.0, 3.0], [5.0, 6.0]])
    tukey_case("k=3/sizes=5", [gen(rs, 5, "norm", 0.6 * i, 1) for i in range(3)])
    tukey_case("k=4/unequal/conf=0.9", [gen(rs, n, "norm", n / 10, 1) for n in (5, 7, 6, 8)], 0.9)
    tukey_case("k=5/sizes=20", [gen(rs, 20, "norm", 0.3 * i, 1.5) for i in range(5)])
    tukey_case("k=8/sizes=30/conf=0.99", [gen(rs, 30, "norm", 0.15 * i, 1) for i in range(8)], 0.99)
    tukey_case("k=3/df=500", [gen(rs, 170, "norm", 0.1 * i, 1) for i in range(3)])


# ------------------------------------------------------------------ Kruskal-Wallis
def kw_case(name, groups):
    groups = [np.asarray(g, float) for g in groups]
    r = st.kruskal(*groups)
    exp = {"statistic": fl(r.statistic), "df": len(groups) - 1, "p_value": fl(r.pvalue),
           "n": int(sum(len(g) for g in groups))}
    add_case("kruskal_wallis/scipy/" + name, SRC + " kruskal", {"type": "kruskal_wallis", "groups": [flist(g) for g in groups]}, exp)


def kw_cases():
    rs = np.random.RandomState(206)
    kw_case("k=2/sizes=1,1", [[1.0], [2.0]])
    kw_case("k=3/sizes=1,2,1", [[3.5], [1.0, 2.0], [4.0]])
    for k, sizes in [(2, [5, 7]), (3, [10, 10, 10]), (4, [3, 8, 12, 20]), (6, [15] * 6), (3, [300, 250, 400])]:
        kw_case("k=%d/sizes=%s" % (k, ",".join(map(str, sizes))),
                [gen(rs, n, ["norm", "exp", "unif"][i % 3], 0.3 * i, 1) for i, n in enumerate(sizes)])
    kw_case("ties/likert/k=3", [gen(rs, 40, "likert", 3), gen(rs, 35, "likert", 3), gen(rs, 50, "likert", 3.5)])
    kw_case("ties/round1/k=4", [gen(rs, 12, "r1", i * 0.2, 1) for i in range(4)])
    kw_case("ties/all_but_one_tied", [[5.0, 5.0, 5.0], [5.0, 5.0, 6.0]])
    kw_case("offset1e9/k=3", [OFF + gen(rs, 25, "norm", 0.2 * i, 1) for i in range(3)])
    kw_case("small_p/k=3", [gen(rs, 80, "norm", 0, 1), gen(rs, 80, "norm", 1, 1), gen(rs, 80, "norm", 2, 1)])
    kw_case("large/k=5/n=5000", [gen(rs, 1000, "d64", 0.02 * i, 1) for i in range(5)])


# ------------------------------------------------------------------ descriptive
def desc_case(name, x, shift=0.0):
    x = np.asarray(x, float)
    v = shifted(x, shift)
    n = len(x)
    mean_v = np.mean(v)
    if abs(mean_v - math.fsum(v) / n) > 1e-13 * max(abs(mean_v), np.std(v)):
        sys.exit(name + ": numpy mean inaccurate")
    q1, med, q3 = np.percentile(x, [25, 50, 75])
    # One value: R's var() and sd() are NA, answered null; the quantiles are the value itself.
    exp = {"n": n, "mean": fl(mean_v + shift), "variance": fl(np.var(v, ddof=1)) if n > 1 else None,
           "std_dev": fl(np.std(v, ddof=1)) if n > 1 else None, "min": fl(np.min(x)), "q1": fl(q1), "median": fl(med),
           "q3": fl(q3), "max": fl(np.max(x))}
    if n == 1:
        exp["skewness"] = None
        exp["kurtosis"] = None
    if n >= 3:
        exp["skewness"] = fl(st.skew(v, bias=False))
    if n >= 4:
        exp["kurtosis"] = fl(st.kurtosis(v, bias=False))
    add_case("descriptive/" + name, SRC + " numpy/scipy.stats", {"type": "descriptive", "data": flist(x)}, exp)


def desc_cases():
    rs = np.random.RandomState(203)
    for k, n in enumerate([2, 3, 4, 5, 10, 30, 100]):
        kind = ["norm", "exp", "unif", "t3"][k % 4]
        desc_case("n=%d/%s" % (n, kind), gen(rs, n, kind, 10, 2))
    desc_case("n=1000/exp", gen(rs, 1000, "exp", 1, 3))
    desc_case("n=5000/d64", gen(rs, 5000, "d64", 50, 10))
    desc_case("negative/n=20", gen(rs, 20, "norm", -100, 5))
    desc_case("ties/round1/n=2", np.array([1.2, 3.4]))
    desc_case("ties/round1/n=25", gen(rs, 25, "r1", 5, 1))
    desc_case("ties/likert/n=40", gen(rs, 40, "likert", 3))
    desc_case("ties/int/n=4", np.array([3.0, 3.0, 3.0, 7.0]))
    desc_case("ties/r2/n=300", gen(rs, 300, "r2", 2, 0.3))
    desc_case("offset1e9/n=2", OFF + gen(rs, 2, "norm", 0.5, 1), OFF)
    desc_case("offset1e9/n=3", OFF + gen(rs, 3, "norm", 0.5, 1), OFF)
    desc_case("offset1e9/n=5", OFF + gen(rs, 5, "exp", 0, 1), OFF)
    desc_case("offset1e9/ties/n=50", OFF + gen(rs, 50, "r1", 0, 1), OFF)
    desc_case("offset1e9/n=1000", OFF + gen(rs, 1000, "exp", 0, 2), OFF)
    desc_case("skewed/lognormal/n=200", np.exp(gen(rs, 200, "norm", 0, 1)))
    desc_case("small_scale/n=30", gen(rs, 30, "norm", 1e-6, 1e-8))
    desc_case("large_scale/n=30", gen(rs, 30, "norm", 3e12, 1e11))
    # After every random case, so that adding these changed none of the data above.
    desc_case("n=1", np.array([3.7]))
    desc_case("n=1/negative", np.array([-0.015625]))
    desc_case("offset1e9/n=1", np.array([OFF + 0.25]), OFF)


# ------------------------------------------------------------------ pooled t-test with a single value
def pooled_single_case(name, a, b, alternative, confidence):
    a, b = np.asarray(a, float), np.asarray(b, float)
    na, nb = len(a), len(b)
    df = na + nb - 2
    ss = (math.fsum((a - np.mean(a)) ** 2) if na > 1 else 0.0) + (math.fsum((b - np.mean(b)) ** 2) if nb > 1 else 0.0)
    sp2 = ss / df
    diff = np.mean(a) - np.mean(b)
    se = math.sqrt(sp2 * (1 / na + 1 / nb))
    # R's pooled test lets a single value add nothing to the sum of squares. SciPy's ttest_ind
    # takes that value's sample variance instead (NaN), so the reference is its test from
    # summary statistics with that sample's standard deviation 0: R's definition, SciPy's code.
    sd_a = np.std(a, ddof=1) if na > 1 else 0.0
    sd_b = np.std(b, ddof=1) if nb > 1 else 0.0
    r = st.ttest_ind_from_stats(np.mean(a), sd_a, na, np.mean(b), sd_b, nb, equal_var=True, alternative=alternative)
    if alternative == "two-sided":
        h = st.t.ppf(0.5 + confidence / 2, df) * se
        lo, hi = diff - h, diff + h
    elif alternative == "less":
        lo, hi = None, diff + st.t.ppf(confidence, df) * se
    else:
        lo, hi = diff - st.t.ppf(confidence, df) * se, None
    exp = {"statistic": fl(r.statistic), "df": df, "p_value": fl(r.pvalue), "estimate": fl(diff),
           "ci_low": None if lo is None else fl(lo), "ci_high": None if hi is None else fl(hi),
           "cohens_d": fl(diff / math.sqrt(sp2)), "n_a": na, "n_b": nb}
    request = {"type": "ttest_independent", "a": flist(a), "b": flist(b), "equal_var": True,
               "alternative": alternative, "confidence": confidence}
    add_case("ttest_independent/pooled_single/" + name, SRC + " scipy.stats.ttest_ind_from_stats(equal_var=True)",
             request, exp)


def pooled_single_cases():
    rs = np.random.RandomState(204)
    pooled_single_case("na=1/nb=2/two-sided", [5.5], gen(rs, 2, "norm", 4, 1), "two-sided", 0.95)
    pooled_single_case("na=1/nb=5/less", [10.25], gen(rs, 5, "norm", 9, 2), "less", 0.9)
    pooled_single_case("na=30/nb=1/greater", gen(rs, 30, "exp", 0, 1), [0.5], "greater", 0.99)
    pooled_single_case("na=1/nb=10/ties", [3.0], gen(rs, 10, "likert", 3), "two-sided", 0.95)


def main():
    spearman_cases()
    mw_cases()
    desc_cases()
    pooled_single_cases()
    wsr_cases()
    kw_cases()
    tukey_cases()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", newline="\n") as fh:
        for line in LINES:
            fh.write(line + "\n")
    print("wrote %s: %d cases, %d bytes (%s)" % (OUT, len(LINES), os.path.getsize(OUT), SRC))
    for t, c in sorted(TYPES.items()):
        print("  %-14s %d" % (t, c))


if __name__ == "__main__":
    main()
