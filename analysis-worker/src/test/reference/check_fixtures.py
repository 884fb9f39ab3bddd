#!/usr/bin/python3
"""Validate the generated reference fixtures and cross-check them independently.

    /usr/bin/python3 analysis-worker/src/test/reference/check_fixtures.py

1. Format: one JSON object per line with name/source/request/expected
   (+ optional tolerance/tolerances); unique names; known request types and
   fields; expected fields allowed for the type; "*" only inside arrays.
2. Exact numbers: every number token must be the canonical text of its double
   ('%.17g' for r.ndjson, Python repr for the others), i.e. the generator wrote
   the double it computed with, and any correctly rounding parser reads it back.
3. Cross-check: recompute every R case with SciPy/NumPy and every SciPy case
   from the textbook formulas (an independent implementation of the semantics
   the engine has to follow), after subtracting 1e9 from offset data.  Fails if
   a value deviates by more than the case tolerance (default 1e-9).
   NIST cases are checked in nist_to_cases.py (exact rational arithmetic).
"""
import json
import math
import os
import sys
from collections import defaultdict

import numpy as np
import scipy.stats as st
from scipy import special

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.normpath(os.path.join(HERE, "..", "resources", "reference"))
FILES = ["r.ndjson", "scipy.ndjson", "nist.ndjson"]

REQ = {
    "ttest_one_sample": ({"data"}, {"mu", "alternative", "confidence"}),
    "ttest_independent": ({"a", "b"}, {"equal_var", "alternative", "confidence"}),
    "ttest_paired": ({"a", "b"}, {"alternative", "confidence"}),
    "anova_oneway": ({"groups"}, set()),
    "regression_ols": ({"y", "x"}, {"intercept"}),
    "correlation": ({"x", "y"}, {"method"}),
    "chi_square_independence": ({"table"}, set()),
    "mann_whitney": ({"a", "b"}, {"alternative"}),
    "descriptive": ({"data"}, set()),
    "wilcoxon_signed_rank": ({"a", "b"}, {"mu", "alternative"}),
    "kruskal_wallis": ({"groups"}, set()),
    "levene": ({"groups"}, {"center"}),
    "proportions_test": ({"successes", "trials"}, {"alternative", "confidence"}),
    "p_adjust": ({"p_values"}, {"method"}),
    "fisher_exact": ({"table"}, {"alternative", "confidence"}),
    "logistic_regression": ({"y", "x"}, {"intercept"}),
    "shapiro_wilk": ({"data"}, set()),
    "power_ttest": ({"delta"}, {"n", "power", "sd", "sig_level", "test", "alternative"}),
    "tukey_hsd": ({"groups"}, {"confidence"}),
}
TT = {"statistic", "df", "p_value", "estimate", "ci_low", "ci_high", "cohens_d"}
EXP = {
    "ttest_one_sample": TT | {"n"},
    "ttest_paired": TT | {"n"},
    "ttest_independent": TT | {"n_a", "n_b"},
    "anova_oneway": {"f_statistic", "df_between", "df_within", "p_value", "ss_between", "ss_within",
                     "ms_between", "ms_within", "eta_squared"},
    "regression_ols": {"coefficients", "std_errors", "t_values", "p_values", "r_squared", "adj_r_squared",
                       "f_statistic", "f_p_value", "residual_std_error", "df_residual", "n"},
    "correlation": {"coefficient", "p_value", "n"},
    "chi_square_independence": {"statistic", "df", "p_value", "cramers_v"},
    "mann_whitney": {"u_statistic", "p_value"},
    "wilcoxon_signed_rank": {"statistic", "p_value", "n", "n_nonzero"},
    "kruskal_wallis": {"statistic", "df", "p_value", "n"},
    "levene": {"statistic", "df_between", "df_within", "p_value"},
    "proportions_test": {"statistic", "df", "p_value", "estimate_a", "estimate_b", "ci_low", "ci_high"},
    "p_adjust": {"adjusted"},
    "fisher_exact": {"p_value", "odds_ratio", "ci_low", "ci_high"},
    "logistic_regression": {"coefficients", "std_errors", "z_values", "p_values", "deviance", "null_deviance",
                            "df_residual", "df_null", "aic", "n"},
    "shapiro_wilk": {"statistic", "p_value", "n"},
    "power_ttest": {"n", "power", "delta", "sd", "sig_level"},
    "tukey_hsd": {"comparisons"},
    "descriptive": {"n", "mean", "variance", "std_dev", "min", "q1", "median", "q3", "max",
                    "skewness", "kurtosis"},
}
OFF = 1e9
ERRORS = []
DEV = defaultdict(float)  # (type, field) -> max relative deviation


def err(msg):
    ERRORS.append(msg)


# ------------------------------------------------------------------ format checks
def check_format(fname, lineno, text, names):
    bad_tokens = []
    canon = (lambda v: "%.17g" % v) if fname == "r.ndjson" else repr

    def pf(tok):
        v = float(tok)
        if canon(v) != tok:
            bad_tokens.append(tok)
        return v

    def pi(tok):
        v = int(tok)
        if fname != "r.ndjson" and str(v) != tok:
            bad_tokens.append(tok)
        return v

    obj = json.loads(text, parse_float=pf, parse_int=pi,
                     parse_constant=lambda c: bad_tokens.append(c))
    where = "%s:%d" % (fname, lineno)
    if bad_tokens:
        err("%s non-canonical number text %s" % (where, bad_tokens[:3]))
    keys = set(obj)
    if not {"name", "source", "request", "expected"} <= keys or keys - {
            "name", "source", "request", "expected", "tolerance", "tolerances"}:
        err("%s bad keys %s" % (where, sorted(keys)))
        return None
    if obj["name"] in names:
        err("%s duplicate name %s" % (where, obj["name"]))
    names.add(obj["name"])
    req, exp = obj["request"], obj["expected"]
    t = req.get("type")
    if t not in REQ:
        err("%s unknown type %r" % (where, t))
        return None
    need, opt = REQ[t]
    if not need <= set(req) or set(req) - need - opt - {"type"}:
        err("%s %s request fields %s" % (where, obj["name"], sorted(req)))
    if set(exp) - EXP[t] or not exp:
        err("%s %s expected fields %s" % (where, obj["name"], sorted(exp)))
    for k, v in exp.items():
        if isinstance(v, str):
            err("%s %s: '*' outside an array in %s" % (where, obj["name"], k))
        if isinstance(v, list) and any(isinstance(e, str) and e != "*" for e in v):
            err("%s %s: bad string in %s" % (where, obj["name"], k))
    for k in obj.get("tolerances", {}):
        if k not in exp:
            err("%s %s: tolerance for absent field %s" % (where, obj["name"], k))
    return obj


# ------------------------------------------------------------------ comparison
# Where the cross-check computes a number differently from R on purpose, and how far apart the two
# definitions may be. glm reports standard errors from the weights of its last iteration (the fitted
# values before the last update), which at its stopping rule differ from the weights at the
# estimate by up to ~1e-6; the cross-check takes them at the estimate. (The engine follows glm.) A
# p-value's relative error is z^2 times its z's, so far in the tail 1e-6 becomes 1e-4.
CROSS_CHECK_TOLERANCE = {("logistic_regression", "std_errors"): 1e-5, ("logistic_regression", "z_values"): 1e-5,
                         ("logistic_regression", "p_values"): 1e-3,
                         # SciPy 1.10's swilk runs in single precision (its W is a float32), so it
                         # checks R's double-precision AS R94 only to about six digits, fewer for
                         # p-values in the tail.
                         ("shapiro_wilk", "statistic"): 1e-5, ("shapiro_wilk", "p_value"): 5e-2}


def compare(case, computed):
    t = case["request"]["type"]
    exp = case["expected"]
    tol_default = case.get("tolerance", 1e-9)
    for k, e in exp.items():
        if k not in computed:
            continue
        tol = max(case.get("tolerances", {}).get(k, tol_default), CROSS_CHECK_TOLERANCE.get((t, k), 0))
        c = computed[k]
        if isinstance(e, list) and e and isinstance(e[0], dict):  # a list of records: compare field by field
            for i, (ed, cd) in enumerate(zip(e, c)):
                sub = dict(case, expected={f: v for f, v in ed.items()})
                sub["request"] = case["request"]
                compare(sub, cd)
            continue
        es = e if isinstance(e, list) else [e]
        cs = c if isinstance(c, (list, tuple, np.ndarray)) else [c]
        if len(es) != len(cs):
            err("%s %s: length %d vs %d" % (case["name"], k, len(es), len(cs)))
            continue
        for ev, cv in zip(es, cs):
            if ev == "*" or cv is None and ev is None:
                continue
            if ev is None or cv is None:
                err("%s %s: expected %r, cross-check %r" % (case["name"], k, ev, cv))
                continue
            dev = abs(ev - cv) / abs(ev) if ev != 0 else abs(cv)
            DEV[(t, k)] = max(DEV[(t, k)], dev)
            if dev > tol:
                err("%s %s: expected %r, cross-check %r (rel %.1e > %.0e)" % (case["name"], k, ev, cv, dev, tol))


def unshift(x):
    x = np.asarray(x, float)
    if np.all(x > OFF / 2):
        v = x - OFF
        assert np.array_equal(v + OFF, x)
        return v, OFF
    return x, 0.0


def tppf(p, df):
    """t quantile.  scipy 1.10's t.ppf (cdflib) is only good to ~1e-9 relative;
    polish it with Newton steps on the accurate cdf (stdtr)."""
    q = st.t.ppf(p, df)
    for _ in range(3):
        q -= (special.stdtr(df, q) - p) / st.t.pdf(q, df)
    return q


def tdist_ci(est, se, df, alt, conf):
    if alt == "less":
        return None, est + se * tppf(conf, df)
    if alt == "greater":
        return est - se * tppf(conf, df), None
    q = tppf(1 - (1 - conf) / 2, df)
    return est - q * se, est + q * se


def t_p(tstat, df, alt):
    if alt == "less":
        return st.t.cdf(tstat, df)
    if alt == "greater":
        return st.t.sf(tstat, df)
    return 2 * st.t.sf(abs(tstat), df)


# ------------------------------------------------------------------ cross-checks (independent of R)
def x_ttest_one(req):
    x, sh = unshift(req["data"])
    mu = req.get("mu", 0.0) - sh
    alt, conf = req.get("alternative", "two-sided"), req.get("confidence", 0.95)
    n = len(x)
    m, s = math.fsum(x) / n, np.std(x, ddof=1)
    se = s / math.sqrt(n)
    tstat = (m - mu) / se
    r = st.ttest_1samp(x, mu, alternative=alt)
    lo, hi = tdist_ci(m, se, n - 1, alt, conf)
    return {"statistic": r.statistic, "df": n - 1, "p_value": r.pvalue, "estimate": m + sh,
            "ci_low": None if lo is None else lo + sh, "ci_high": None if hi is None else hi + sh,
            "cohens_d": (m - mu) / s, "n": n, "_t": tstat}


def x_ttest_paired(req):
    a, b = np.asarray(req["a"]), np.asarray(req["b"])
    d = a - b
    alt, conf = req.get("alternative", "two-sided"), req.get("confidence", 0.95)
    n = len(d)
    m, s = math.fsum(d) / n, np.std(d, ddof=1)
    se = s / math.sqrt(n)
    r = st.ttest_rel(a, b, alternative=alt)
    lo, hi = tdist_ci(m, se, n - 1, alt, conf)
    return {"statistic": r.statistic, "df": n - 1, "p_value": r.pvalue, "estimate": m,
            "ci_low": lo, "ci_high": hi, "cohens_d": m / s, "n": n}


def x_ttest_ind(req):
    a, sa = unshift(req["a"])
    b, sb = unshift(req["b"])
    assert sa == sb
    ev = req.get("equal_var", False)
    alt, conf = req.get("alternative", "two-sided"), req.get("confidence", 0.95)
    na, nb = len(a), len(b)
    ma, mb = math.fsum(a) / na, math.fsum(b) / nb
    # A single value adds nothing to the pooled sum of squares (R's pooled test takes it).
    va = np.var(a, ddof=1) if na > 1 else 0.0
    vb = np.var(b, ddof=1) if nb > 1 else 0.0
    if ev:
        df = na + nb - 2
        se = math.sqrt(((na - 1) * va + (nb - 1) * vb) / df * (1 / na + 1 / nb))
    else:
        se = math.sqrt(va / na + vb / nb)
        df = (va / na + vb / nb) ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
    # The textbook statistic, not scipy's ttest_ind: that one takes a single value's variance as NaN.
    tstat = (ma - mb) / se
    lo, hi = tdist_ci(ma - mb, se, df, alt, conf)
    sp = math.sqrt(((na - 1) * va + (nb - 1) * vb) / (na + nb - 2))
    return {"statistic": tstat, "df": df, "p_value": t_p(tstat, df, alt), "estimate": ma - mb,
            "ci_low": lo, "ci_high": hi, "cohens_d": (ma - mb) / sp, "n_a": na, "n_b": nb}


def x_anova(req):
    groups = [unshift(g)[0] for g in req["groups"]]
    allv = np.concatenate(groups)
    N, k = len(allv), len(groups)
    gm = math.fsum(allv) / N
    ssb = math.fsum(len(g) * (math.fsum(g) / len(g) - gm) ** 2 for g in groups)
    ssw = math.fsum(math.fsum((g - math.fsum(g) / len(g)) ** 2) for g in groups)
    f = (ssb / (k - 1)) / (ssw / (N - k))
    r = st.f_oneway(*groups)
    return {"f_statistic": f, "df_between": k - 1, "df_within": N - k, "p_value": r.pvalue,
            "ss_between": ssb, "ss_within": ssw, "ms_between": ssb / (k - 1), "ms_within": ssw / (N - k),
            "eta_squared": ssb / (ssb + ssw), "_f_scipy": r.statistic}


def x_regression(req):
    y = np.asarray(req["y"], float)
    X = np.asarray(req["x"], float)
    icpt = req.get("intercept", True)
    n = len(y)
    ysh = xsh = 0.0
    if icpt and np.all(y > OFF / 2):
        y, ysh = unshift(y)
    if icpt and X.shape[1] == 1 and np.all(X > OFF / 2):
        X, xsh = unshift(X)
    D = np.column_stack([np.ones(n), X]) if icpt else X
    p = D.shape[1]
    q, r = np.linalg.qr(D)
    beta = np.linalg.solve(r, q.T @ y)
    res = y - D @ beta
    rss = float(res @ res)
    df = n - p
    s2 = rss / df
    rinv = np.linalg.inv(r)
    se = np.sqrt(s2 * np.sum(rinv ** 2, axis=1))
    tv = beta / se
    if icpt:
        tss = float(np.sum((y - y.mean()) ** 2))
        dfm = p - 1
    else:
        tss = float(y @ y)
        dfm = p
    r2 = 1 - rss / tss
    adj = 1 - (1 - r2) * ((n - 1 if icpt else n) / df)
    f = ((tss - rss) / dfm) / s2
    coef, ses, tvs = list(beta), list(se), list(tv)
    if ysh:
        coef[0] += ysh
        tvs[0] = coef[0] / se[0]
    if xsh:
        coef[0] = ses[0] = tvs[0] = "*"
    pvs = [x if x == "*" else 2 * st.t.sf(abs(x), df) for x in tvs]
    return {"coefficients": coef, "std_errors": ses, "t_values": tvs, "p_values": pvs, "r_squared": r2,
            "adj_r_squared": adj, "f_statistic": f, "f_p_value": st.f.sf(f, dfm, df),
            "residual_std_error": math.sqrt(s2), "df_residual": df, "n": n}


def x_correlation(req):
    x, _ = unshift(req["x"])
    y, _ = unshift(req["y"])
    n = len(x)
    if req.get("method") == "kendall":
        r = st.kendalltau(x, y, variant="b", method="asymptotic")
        return {"coefficient": r.statistic, "p_value": r.pvalue, "n": n}
    if req.get("method", "pearson") == "spearman":
        x, y = st.rankdata(x), st.rankdata(y)
    xc, yc = x - x.mean(), y - y.mean()
    r = float(np.sum(xc * yc) / math.sqrt(np.sum(xc * xc) * np.sum(yc * yc)))
    t = r * math.sqrt((n - 2) / ((1 + r) * (1 - r)))
    return {"coefficient": r, "p_value": 2 * special.stdtr(n - 2, -abs(t)), "n": n}


def x_chi(req):
    tab = np.asarray(req["table"], float)
    N = tab.sum()
    E = np.outer(tab.sum(1), tab.sum(0)) / N
    stat = float(np.sum((tab - E) ** 2 / E))
    df = (tab.shape[0] - 1) * (tab.shape[1] - 1)
    return {"statistic": stat, "df": df, "p_value": st.chi2.sf(stat, df),
            "cramers_v": math.sqrt(stat / (N * (min(tab.shape) - 1)))}


def x_mw(req):
    a, b = np.asarray(req["a"], float), np.asarray(req["b"], float)
    alt = req.get("alternative", "two-sided")
    n1, n2 = len(a), len(b)
    n = n1 + n2
    ranks = st.rankdata(np.concatenate([a, b]))
    u1 = float(ranks[:n1].sum()) - n1 * (n1 + 1) / 2
    u2 = n1 * n2 - u1
    _, counts = np.unique(ranks, return_counts=True)
    tie = float(np.sum(counts ** 3 - counts))
    sd = math.sqrt(n1 * n2 / 12 * ((n + 1) - tie / (n * (n - 1))))
    u = {"greater": u1, "less": u2}.get(alt, max(u1, u2))
    z = (u - n1 * n2 / 2 - 0.5) / sd
    p = special.ndtr(-z) * (2 if alt == "two-sided" else 1)
    return {"u_statistic": u1, "p_value": min(1.0, p)}


def x_wsr(req):
    """Textbook signed-rank test, written after R's wilcox.test (exact=FALSE, correct=TRUE)."""
    a, b = np.asarray(req["a"], float), np.asarray(req["b"], float)
    alt = req.get("alternative", "two-sided")
    d = (a - b) - req.get("mu", 0.0)
    d = d[d != 0]
    n = len(d)
    r = st.rankdata(np.abs(d))
    v = float(r[d > 0].sum())
    _, counts = np.unique(r, return_counts=True)
    sigma = math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - float(np.sum(counts ** 3 - counts)) / 48)
    z = v - n * (n + 1) / 4
    corr = {"two-sided": math.copysign(0.5, z) if z != 0 else 0.0, "greater": 0.5, "less": -0.5}[alt]
    z = (z - corr) / sigma
    p = {"less": special.ndtr(z), "greater": special.ndtr(-z),
         "two-sided": 2 * min(special.ndtr(z), special.ndtr(-z))}[alt]
    return {"statistic": v, "p_value": p, "n": len(a), "n_nonzero": n}


def x_kw(req):
    """Textbook H with the tie correction, as R's kruskal.test."""
    groups = [np.asarray(g, float) for g in req["groups"]]
    allv = np.concatenate(groups)
    n = len(allv)
    r = st.rankdata(allv)
    at, ssq = 0, 0.0
    for g in groups:
        ssq += float(r[at:at + len(g)].sum()) ** 2 / len(g)
        at += len(g)
    _, counts = np.unique(allv, return_counts=True)
    h = (12 * ssq / (n * (n + 1)) - 3 * (n + 1)) / (1 - float(np.sum(counts ** 3 - counts)) / (n ** 3 - n))
    return {"statistic": h, "df": len(groups) - 1, "p_value": st.chi2.sf(h, len(groups) - 1), "n": n}


def x_levene(req):
    groups = [unshift(g)[0] for g in req["groups"]]
    r = st.levene(*groups, center=req.get("center", "median"))
    n = sum(len(g) for g in groups)
    return {"statistic": r.statistic, "df_between": len(groups) - 1, "df_within": n - len(groups), "p_value": r.pvalue}


def x_prop(req):
    """Pearson's chi-square of the 2 x 2 table (SciPy) and the Wald interval of the difference."""
    x = np.asarray(req["successes"], float)
    n = np.asarray(req["trials"], float)
    alt = req.get("alternative", "two-sided")
    conf = req.get("confidence", 0.95)
    stat = float(st.chi2_contingency(np.array([x, n - x]).T, correction=False)[0])
    pa, pb = x / n
    delta = pa - pb
    width = math.sqrt(pa * (1 - pa) / n[0] + pb * (1 - pb) / n[1])
    z2, z1 = st.norm.ppf((1 + conf) / 2), st.norm.ppf(conf)
    if alt == "two-sided":
        p, lo, hi = st.chi2.sf(stat, 1), max(delta - z2 * width, -1), min(delta + z2 * width, 1)
    elif alt == "less":
        p, lo, hi = st.norm.cdf(np.sign(delta) * math.sqrt(stat)), -1.0, min(delta + z1 * width, 1)
    else:
        p, lo, hi = st.norm.sf(np.sign(delta) * math.sqrt(stat)), max(delta - z1 * width, -1), 1.0
    return {"statistic": stat, "df": 1, "p_value": p, "estimate_a": pa, "estimate_b": pb, "ci_low": lo, "ci_high": hi}


def x_padj(req):
    """The six adjustments from their definitions (Holm 1979, Hochberg 1988, Hommel 1988 via
    Wright's 1992 algorithm, Benjamini-Hochberg 1995, Benjamini-Yekutieli 2001), not R's loops."""
    p = np.asarray(req["p_values"], float)
    n = len(p)
    m = req.get("method", "holm")
    if n == 1:
        return {"adjusted": list(p)}
    o = np.argsort(p, kind="stable")
    ps = p[o]
    if m == "bonferroni":
        adj = np.minimum(1, n * ps)
    elif m == "holm":
        adj = np.minimum(1, np.maximum.accumulate((n - np.arange(n)) * ps))
    elif m in ("hochberg", "bh", "by") or (m == "hommel" and n == 2):
        i = np.arange(1, n + 1)
        f = {"hochberg": n + 1 - i, "hommel": n + 1 - i, "bh": n / i, "by": sum(1 / i) * n / i}[m]
        adj = np.minimum(1, np.minimum.accumulate((f * ps)[::-1])[::-1])
    else:  # hommel: adjusted p_(i) = max over subset sizes j of the Simes test of the sets containing i
        adj = np.empty(n)
        for i in range(n):
            best = 0.0
            for j in range(1, n + 1):  # size of the tested intersection
                # the intersection of j hypotheses containing i with the largest p-values otherwise
                others = np.delete(ps, i)[n - j:] if j > 1 else np.array([])
                s = np.sort(np.concatenate([[ps[i]], others]))
                best = max(best, min(1.0, float(np.min(j * s / np.arange(1, j + 1)))))
            adj[i] = best
    out = np.empty(n)
    out[o] = adj
    return {"adjusted": list(out)}


def x_fisher(req):
    """SciPy's fisher_exact (p-value) and contingency.odds_ratio(kind="conditional") (estimate and interval)."""
    from scipy.stats.contingency import odds_ratio
    tab = np.asarray(req["table"], int)
    alt = req.get("alternative", "two-sided")
    p = st.fisher_exact(tab, alternative=alt)[1]
    r = odds_ratio(tab, kind="conditional")
    ci = r.confidence_interval(confidence_level=req.get("confidence", 0.95), alternative=alt)
    fin = lambda v: None if math.isinf(v) else float(v)
    return {"p_value": p, "odds_ratio": fin(r.statistic), "ci_low": fin(ci.low), "ci_high": fin(ci.high)}


def x_logit(req):
    """Newton-Raphson on the log-likelihood from zero (not IRLS from glm's start), to a tiny step."""
    y = np.asarray(req["y"], float)
    x = np.asarray(req["x"], float)
    if req.get("intercept", True):
        x = np.column_stack([np.ones(len(y)), x])
    beta = np.zeros(x.shape[1])
    for _ in range(200):
        mu = special.expit(x @ beta)
        info = x.T @ (x * (mu * (1 - mu))[:, None])
        step = np.linalg.solve(info, x.T @ (y - mu))
        beta = beta + step
        if np.max(np.abs(step)) < 1e-14 * (1 + np.max(np.abs(beta))):
            break
    mu = special.expit(x @ beta)
    se = np.sqrt(np.diag(np.linalg.inv(x.T @ (x * (mu * (1 - mu))[:, None]))))
    dev = float(-2 * np.sum(np.where(y == 1, np.log(mu), np.log(1 - mu))))
    m = y.mean() if req.get("intercept", True) else 0.5
    null = float(-2 * np.sum(np.where(y == 1, math.log(m), math.log(1 - m))))
    z = beta / se
    n, p = len(y), x.shape[1]
    return {"coefficients": list(beta), "std_errors": list(se), "z_values": list(z), "p_values": list(2 * special.ndtr(-np.abs(z))),
            "deviance": dev, "null_deviance": null, "df_residual": n - p, "df_null": n - (1 if req.get("intercept", True) else 0),
            "aic": dev + 2 * p, "n": n}


def x_shapiro(req):
    """SciPy's shapiro: the same algorithm (AS R94) in its own Fortran."""
    r = st.shapiro(np.asarray(req["data"], float))
    return {"statistic": r.statistic, "p_value": r.pvalue, "n": len(req["data"])}


def x_power(req):
    """SciPy's noncentral t (Boost's), and brentq for n."""
    from scipy.optimize import brentq
    samples = 2 if req.get("test", "two_sample") == "two_sample" else 1
    sides = 2 if req.get("alternative", "two-sided") == "two-sided" else 1
    sd, sig = req.get("sd", 1), req.get("sig_level", 0.05)

    def power(n):
        df = (n - 1) * samples
        return st.nct.sf(st.t.isf(sig / sides, df), df, math.sqrt(n / samples) * req["delta"] / sd)
    n = req.get("n")
    if n is None:
        n = brentq(lambda m: power(m) - req["power"], 2, 1e7, xtol=1e-13, rtol=1e-15)
    return {"n": n, "power": power(n), "delta": req["delta"], "sd": sd, "sig_level": sig}


def x_tukey(req):
    """SciPy's tukey_hsd, compared field by field (the comparisons flattened)."""
    groups = [np.asarray(g, float) for g in req["groups"]]
    r = st.tukey_hsd(*groups)
    ci = r.confidence_interval(confidence_level=req.get("confidence", 0.95))
    out = []
    for a in range(len(groups)):
        for b in range(a + 1, len(groups)):
            out.append({"group_a": a, "group_b": b, "diff": r.statistic[b, a], "ci_low": ci.low[b, a],
                        "ci_high": ci.high[b, a], "p_value": r.pvalue[b, a]})
    return {"comparisons": out}


def x_desc(req):
    x = np.asarray(req["data"], float)
    v, sh = unshift(x)
    n = len(x)
    m = math.fsum(v) / n
    d = v - m
    m2, m3, m4 = (math.fsum(d ** k) / n for k in (2, 3, 4))
    var = math.fsum(d ** 2) / (n - 1) if n > 1 else None
    s = sorted(x)

    def q(p):
        h = (n - 1) * p
        lo = math.floor(h)
        hi = min(lo + 1, n - 1)
        return s[lo] + (h - lo) * (s[hi] - s[lo])

    out = {"n": n, "mean": m + sh, "variance": var, "std_dev": None if var is None else math.sqrt(var), "min": s[0],
           "q1": q(0.25), "median": q(0.5), "q3": q(0.75), "max": s[-1]}
    if n == 1:
        out["skewness"] = out["kurtosis"] = None
    if n >= 3:
        out["skewness"] = m3 / m2 ** 1.5 * math.sqrt(n * (n - 1)) / (n - 2)
    if n >= 4:
        out["kurtosis"] = ((n + 1) * (m4 / m2 ** 2 - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
    return out


XCHECK = {
    "ttest_one_sample": x_ttest_one, "ttest_paired": x_ttest_paired, "ttest_independent": x_ttest_ind,
    "anova_oneway": x_anova, "regression_ols": x_regression, "correlation": x_correlation,
    "chi_square_independence": x_chi, "mann_whitney": x_mw, "descriptive": x_desc,
    "wilcoxon_signed_rank": x_wsr, "kruskal_wallis": x_kw, "levene": x_levene,
    "proportions_test": x_prop, "p_adjust": x_padj, "fisher_exact": x_fisher,
    "logistic_regression": x_logit, "shapiro_wilk": x_shapiro,
    "power_ttest": x_power, "tukey_hsd": x_tukey,
}


def main():
    names = set()
    total = 0
    for fname in FILES:
        path = os.path.join(REF, fname)
        counts = defaultdict(int)
        with open(path, "rb") as fh:
            raw = fh.read()
        if b"\r" in raw or not raw.endswith(b"\n"):
            err("%s: line endings" % fname)
        for i, text in enumerate(raw.decode("utf-8").split("\n")[:-1], 1):
            case = check_format(fname, i, text, names)
            if case is None:
                continue
            counts[case["request"]["type"]] += 1
            if fname != "nist.ndjson":
                compare(case, XCHECK[case["request"]["type"]](case["request"]))
        total += sum(counts.values())
        print("%-13s %8d bytes  %s" % (fname, len(raw), ", ".join("%s=%d" % kv for kv in sorted(counts.items()))))
    print("total %d cases, %d bytes" % (total, sum(os.path.getsize(os.path.join(REF, f)) for f in FILES)))
    print("cross-check: max relative deviation per field (R/SciPy reference vs independent recomputation)")
    for (t, k), d in sorted(DEV.items()):
        print("  %-26s %-20s %.1e" % (t, k, d))
    if ERRORS:
        print("%d PROBLEMS:" % len(ERRORS))
        for e in ERRORS[:50]:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
