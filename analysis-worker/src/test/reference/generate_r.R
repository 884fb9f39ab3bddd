#!/usr/bin/env Rscript
# Reference fixtures computed with R (base R + stats; no extra packages).
#
#   Rscript analysis-worker/src/test/reference/generate_r.R
#
# writes analysis-worker/src/test/resources/reference/r.ndjson
# (the path is resolved relative to this script, so the working directory does
# not matter).
#
# Types: ttest_one_sample, ttest_independent, ttest_paired, anova_oneway,
#        regression_ols, correlation (pearson, kendall), chi_square_independence,
#        wilcoxon_signed_rank, kruskal_wallis, levene, proportions_test, p_adjust,
#        fisher_exact, logistic_regression, shapiro_wilk, power_ttest, tukey_hsd.
#
# Determinism: every section calls set.seed() with its own seed (default
# Mersenne-Twister / Inversion / Rejection sampling, R >= 3.6), so a section's
# cases do not change when another section is edited.
#
# Numbers: every double is written with sprintf("%.17g"), which identifies the
# double uniquely (a correctly rounding parser -- Java, Python -- reads back
# the identical value); the script asserts as.numeric(text) == value for every
# number it writes.
#
# Large offsets (data = 1e9 + noise): x - 1e9 is exact in double arithmetic
# (Sterbenz), so the reference is computed on the shifted values v = x - 1e9
# (asserted: v + 1e9 == x), which gives the exact-data answer instead of R's
# own rounding at the 1e9 scale.  Location results (means, CI bounds,
# intercepts) are shifted back; everything else is shift invariant.

suppressPackageStartupMessages(library(stats))
options(warn = 1)

script_path <- local({
  a <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", a[grep("^--file=", a)])
  if (length(f) != 1) stop("run with Rscript")
  normalizePath(f)
})
OUT <- file.path(normalizePath(file.path(dirname(script_path), "..", "resources")), "reference", "r.ndjson")
RVER <- paste0("R ", R.version$major, ".", R.version$minor)
OFF <- 1e9

# ------------------------------------------------------------------ JSON
JNULL <- structure(list(), class = "jnull")  # JSON null
STAR <- structure(list(), class = "jstar")   # "*" = element not checked
arr <- function(x) structure(as.double(x), class = "jarr")  # numeric JSON array

num_str <- function(v) {
  v <- as.double(v)
  if (any(!is.finite(v))) stop("non-finite number in output")
  s <- sprintf("%.17g", v)
  if (any(as.numeric(s) != v)) stop("round trip failed")
  s
}
json_str <- function(s) paste0("\"", gsub("\"", "\\\\\"", gsub("\\\\", "\\\\\\\\", s)), "\"")
to_json <- function(x) {
  if (inherits(x, "jnull")) return("null")
  if (inherits(x, "jstar")) return("\"*\"")
  if (inherits(x, "jarr")) return(paste0("[", paste(num_str(unclass(x)), collapse = ","), "]"))
  if (is.list(x)) {
    vals <- vapply(x, to_json, "")
    if (!is.null(names(x))) return(paste0("{", paste0(json_str(names(x)), ":", vals, collapse = ","), "}"))
    return(paste0("[", paste(vals, collapse = ","), "]"))
  }
  if (length(x) != 1) stop("bare vector of length ", length(x), " (wrap numeric arrays with arr())")
  if (is.character(x)) return(json_str(x))
  if (is.logical(x)) return(if (isTRUE(x)) "true" else "false")
  if (is.numeric(x)) return(num_str(x))
  stop("cannot encode ", class(x))
}
compact <- function(l) l[!vapply(l, is.null, TRUE)]

LINES <- character(0)
NAMES <- character(0)
TYPES <- character(0)
add_case <- function(name, source, request, expected, tolerance = NULL) {
  if (name %in% NAMES) stop("duplicate case name ", name)
  # sanity: p-values must be in (1e-300, 1]
  for (f in grep("p_value", names(expected), value = TRUE)) {
    p <- expected[[f]]
    p <- if (is.list(p)) unlist(Filter(is.numeric, p)) else unclass(p)
    if (any(!(p > 1e-300 & p <= 1))) stop(name, ": p-value out of range: ", paste(p, collapse = " "))
  }
  line <- to_json(compact(list(name = name, source = source, request = request, expected = expected, tolerance = tolerance)))
  LINES <<- c(LINES, line)
  NAMES <<- c(NAMES, name)
  TYPES <<- c(TYPES, request$type)
  invisible(NULL)
}
ci_side <- function(v) if (is.finite(v)) v else JNULL
ralt <- function(alt) if (is.null(alt)) "two.sided" else chartr("-", ".", alt)
shifted <- function(x, shift) {
  v <- x - shift
  if (any(v + shift != x)) stop("shift not exact")
  v
}
# diagnostics: how far R's own result on the raw offset data is from the exact-shift reference
DIAG <- character(0)
diag_note <- function(name, ref, raw) {
  DIAG <<- c(DIAG, sprintf("%-55s rel.diff(R raw vs shifted) = %.1e", name, abs(raw - ref) / abs(ref)))
}

# ------------------------------------------------------------------ data helpers
gen <- function(n, kind = "norm", m = 0, s = 1) {
  x <- switch(kind,
    norm = rnorm(n, m, s),
    r1 = round(rnorm(n, m, s), 1),
    r2 = round(rnorm(n, m, s), 2),
    int = round(rnorm(n, m, s)),
    exp = m + rexp(n, 1 / s),
    unif = runif(n, m - s, m + s),
    d64 = round(rnorm(n, m, s) * 64) / 64,   # dyadic: exact, short decimal text
    stop("kind"))
  if (sd(x) == 0) stop("constant sample")
  x
}

# ------------------------------------------------------------------ t-tests
SRC_T <- paste(RVER, "t.test")

tt_one <- function(name, x, mu = NULL, alternative = NULL, confidence = NULL, shift = 0) {
  muv <- if (is.null(mu)) 0 else mu
  cl <- if (is.null(confidence)) 0.95 else confidence
  v <- shifted(x, shift)
  mus <- muv - shift
  if (mus + shift != muv) stop("mu shift not exact")
  r <- t.test(v, mu = mus, alternative = ralt(alternative), conf.level = cl)
  if (shift != 0) diag_note(name, r$statistic,
                            t.test(x, mu = muv, alternative = ralt(alternative), conf.level = cl)$statistic)
  ci <- r$conf.int + shift
  req <- compact(list(type = "ttest_one_sample", data = arr(x), mu = mu,
                      alternative = alternative, confidence = confidence))
  exp <- list(statistic = unname(r$statistic), df = unname(r$parameter), p_value = r$p.value,
              estimate = unname(r$estimate) + shift, ci_low = ci_side(ci[1]), ci_high = ci_side(ci[2]),
              cohens_d = (mean(v) - mus) / sd(v), n = length(x))
  add_case(paste0("ttest_one_sample/", name), SRC_T, req, exp)
}

tt_ind <- function(name, a, b, equal_var = NULL, alternative = NULL, confidence = NULL, shift = 0) {
  ev <- isTRUE(equal_var)
  cl <- if (is.null(confidence)) 0.95 else confidence
  va <- shifted(a, shift); vb <- shifted(b, shift)
  r <- t.test(va, vb, var.equal = ev, alternative = ralt(alternative), conf.level = cl)
  if (shift != 0) diag_note(name, r$statistic,
                            t.test(a, b, var.equal = ev, alternative = ralt(alternative), conf.level = cl)$statistic)
  na <- length(a); nb <- length(b)
  sp <- sqrt(((na - 1) * var(va) + (nb - 1) * var(vb)) / (na + nb - 2))
  req <- compact(list(type = "ttest_independent", a = arr(a), b = arr(b), equal_var = equal_var,
                      alternative = alternative, confidence = confidence))
  exp <- list(statistic = unname(r$statistic), df = unname(r$parameter), p_value = r$p.value,
              estimate = mean(va) - mean(vb), ci_low = ci_side(r$conf.int[1]), ci_high = ci_side(r$conf.int[2]),
              cohens_d = (mean(va) - mean(vb)) / sp, n_a = na, n_b = nb)
  add_case(paste0("ttest_independent/", name), SRC_T, req, exp)
}

tt_paired <- function(name, a, b, alternative = NULL, confidence = NULL) {
  cl <- if (is.null(confidence)) 0.95 else confidence
  r <- t.test(a, b, paired = TRUE, alternative = ralt(alternative), conf.level = cl)
  d <- a - b  # exact for the offset cases (Sterbenz); identical to what t.test uses
  req <- compact(list(type = "ttest_paired", a = arr(a), b = arr(b),
                      alternative = alternative, confidence = confidence))
  exp <- list(statistic = unname(r$statistic), df = unname(r$parameter), p_value = r$p.value,
              estimate = unname(r$estimate), ci_low = ci_side(r$conf.int[1]), ci_high = ci_side(r$conf.int[2]),
              cohens_d = mean(d) / sd(d), n = length(a))
  add_case(paste0("ttest_paired/", name), SRC_T, req, exp)
}

ALTS <- c("two-sided", "less", "greater")

# ---- one sample
set.seed(101)
for (n in c(2, 3)) {
  tt_one(sprintf("n=%d/two-sided", n), gen(n, "norm", 1, 2))
  tt_one(sprintf("n=%d/less", n), gen(n, "norm", 1, 2), mu = 2.5, alternative = "less")
  tt_one(sprintf("n=%d/greater", n), gen(n, "exp", 0, 3), mu = -0.5, alternative = "greater")
}
tt_one("n=2/two-sided/explicit-defaults", gen(2, "norm", 5, 1), mu = 0, alternative = "two-sided", confidence = 0.95)
tt_one("n=4/conf=0.9/two-sided", gen(4, "norm", 0.3, 1), confidence = 0.9)
i <- 0
for (n in c(10, 30, 100)) for (alt in ALTS) {
  i <- i + 1
  conf <- list(NULL, 0.9, 0.99, 0.8, NULL, 0.999, 0.95, NULL, 0.9)[[i]]
  tt_one(sprintf("n=%d/%s%s", n, alt, if (is.null(conf)) "" else paste0("/conf=", conf)),
         gen(n, c("norm", "unif", "exp")[(i %% 3) + 1], 10, 2), mu = 10 + 0.15 * (i - 5),
         alternative = if (alt == "two-sided" && i %% 2 == 1) NULL else alt, confidence = conf)
}
tt_one("n=1000/two-sided", gen(1000, "norm", 0.05, 1))
tt_one("n=4000/greater/conf=0.99", gen(4000, "d64", 100.02, 1), mu = 100, alternative = "greater", confidence = 0.99)
tt_one("ties/round1/n=20/two-sided", gen(20, "r1", 3, 1), mu = 3)
tt_one("ties/int/n=50/less", gen(50, "int", 7, 2), mu = 7.5, alternative = "less")
tt_one("ties/round2/n=200/greater/conf=0.9", gen(200, "r2", -1, 0.5), mu = -1.05, alternative = "greater", confidence = 0.9)
i <- 0
for (n in c(2, 10, 30, 300)) for (alt in ALTS) {
  i <- i + 1
  noise <- if (n == 30) gen(n, "r1", 0.3, 1) else gen(n, "norm", 0.3, 1)
  tt_one(sprintf("offset1e9/n=%d/%s", n, alt), OFF + noise, mu = OFF + c(0, 0.5, 0.125)[(i %% 3) + 1],
         alternative = alt, confidence = if (i %% 4 == 0) 0.99 else NULL, shift = OFF)
}
tt_one("small_p/n=60/two-sided", gen(60, "norm", 4, 1))
tt_one("small_p/n=40/less", gen(40, "norm", -3, 0.8), alternative = "less")
tt_one("small_p/n=500/greater", gen(500, "norm", 0.9, 1), mu = 0, alternative = "greater")
x <- gen(25, "norm", 2, 1)
tt_one("p_near_1/n=25/two-sided", x, mu = mean(x) + 1e-3 * sd(x) / 5)
tt_one("p_near_1/n=15/greater", gen(15, "norm", -2, 1), mu = 0, alternative = "greater")
tt_one("p_near_1/n=15/less", gen(15, "norm", 2, 1), mu = 0, alternative = "less")

# ---- independent
set.seed(102)
sizes <- list(c(2, 2), c(2, 3), c(3, 2), c(3, 3), c(10, 10), c(10, 25), c(30, 12), c(100, 80), c(40, 400))
k <- 0
for (sz in sizes) for (alt in ALTS) {
  k <- k + 1
  ev <- list(NULL, TRUE, FALSE)[[(k %% 3) + 1]]
  conf <- list(NULL, 0.9, NULL, 0.99)[[(k %% 4) + 1]]
  a <- gen(sz[1], c("norm", "exp", "unif")[(k %% 3) + 1], 5, 1 + (k %% 2))
  b <- gen(sz[2], "norm", 5 + 0.3 * ((k %% 5) - 2), 1 + 2 * (k %% 3 == 0))
  tt_ind(sprintf("na=%d/nb=%d/%s/%s%s", sz[1], sz[2], alt, if (isTRUE(ev)) "pooled" else "welch",
                 if (is.null(conf)) "" else paste0("/conf=", conf)),
         a, b, equal_var = ev, alternative = if (alt == "two-sided" && k %% 2 == 0) NULL else alt,
         confidence = conf)
}
tt_ind("na=1000/nb=700/two-sided/welch", gen(1000, "norm", 0, 1), gen(700, "norm", 0.1, 1.5))
tt_ind("na=3000/nb=2000/less/pooled", gen(3000, "d64", 10, 2), gen(2000, "d64", 10.1, 2),
       equal_var = TRUE, alternative = "less")
tt_ind("ties/round1/na=15/nb=18/two-sided/pooled", gen(15, "r1", 1, 1), gen(18, "r1", 1.5, 1), equal_var = TRUE)
tt_ind("ties/int/na=40/nb=30/greater/welch", gen(40, "int", 20, 3), gen(30, "int", 19, 5),
       equal_var = FALSE, alternative = "greater")
k <- 0
for (sz in list(c(2, 3), c(15, 20), c(200, 150))) for (alt in ALTS) {
  k <- k + 1
  tt_ind(sprintf("offset1e9/na=%d/nb=%d/%s/%s", sz[1], sz[2], alt, if (k %% 2 == 0) "pooled" else "welch"),
         OFF + gen(sz[1], if (k %% 3 == 0) "r1" else "norm", 0.5, 1),
         OFF + gen(sz[2], "norm", 0, 1 + (k %% 2)), equal_var = (k %% 2 == 0), alternative = alt,
         confidence = if (k == 4) 0.9 else NULL, shift = OFF)
}
tt_ind("small_p/na=50/nb=60/two-sided/welch", gen(50, "norm", 3, 1), gen(60, "norm", 0, 1.2))
tt_ind("small_p/na=80/nb=40/less/pooled", gen(80, "norm", 0, 1), gen(40, "norm", 2.5, 1),
       equal_var = TRUE, alternative = "less")
a <- gen(30, "norm", 5, 1); b <- gen(45, "norm", 0, 2)
b <- b - mean(b) + mean(a) + 1e-4
tt_ind("p_near_1/na=30/nb=45/two-sided/welch", a, b)
tt_ind("p_near_1/na=20/nb=20/greater/pooled", gen(20, "norm", 0, 1), gen(20, "norm", 2, 1),
       equal_var = TRUE, alternative = "greater")

# ---- paired
set.seed(103)
k <- 0
for (n in c(2, 3, 10, 30, 100)) for (alt in ALTS) {
  k <- k + 1
  a <- gen(n, c("norm", "exp", "unif")[(k %% 3) + 1], 20, 4)
  b <- a + gen(n, "norm", 0.2 * ((k %% 3) - 1), 0.5 + (k %% 2))
  conf <- list(NULL, 0.9, 0.99, NULL, 0.8)[[(k %% 5) + 1]]
  tt_paired(sprintf("n=%d/%s%s", n, alt, if (is.null(conf)) "" else paste0("/conf=", conf)), a, b,
            alternative = if (alt == "two-sided" && k %% 2 == 1) NULL else alt, confidence = conf)
}
a <- gen(1000, "norm", 0, 1); tt_paired("n=1000/two-sided", a, a + gen(1000, "norm", 0.05, 0.5))
a <- gen(3000, "d64", 50, 5); tt_paired("n=3000/greater/conf=0.99", a, round((a - gen(3000, "norm", 0.03, 1)) * 64) / 64,
                                         alternative = "greater", confidence = 0.99)
a <- gen(25, "r1", 10, 2); tt_paired("ties/round1/n=25/two-sided", a, round(a + gen(25, "norm", 0.2, 0.6), 1))
a <- gen(40, "int", 30, 5); tt_paired("ties/int/n=40/less", a, a + gen(40, "int", 0.4, 1.5), alternative = "less")
k <- 0
for (n in c(3, 20, 250)) for (alt in ALTS) {
  k <- k + 1
  a <- OFF + gen(n, if (k %% 2 == 0) "r1" else "norm", 0, 2)
  b <- a + gen(n, "norm", 0.1 * (k %% 3), 0.5)
  if (any((a - b) + b != a)) stop("paired offset difference not exact")
  tt_paired(sprintf("offset1e9/n=%d/%s", n, alt), a, b, alternative = alt, confidence = if (k == 5) 0.9 else NULL)
}
a <- gen(60, "norm", 10, 3); tt_paired("small_p/n=60/two-sided", a, a - gen(60, "norm", 1, 0.3))
a <- gen(35, "norm", 10, 3); tt_paired("small_p/n=35/greater", a, a - gen(35, "norm", 2, 0.5), alternative = "greater")
a <- gen(30, "norm", 10, 3); d <- gen(30, "norm", 0, 1); d <- d - mean(d) + 1e-4
tt_paired("p_near_1/n=30/two-sided", a, a - d)
a <- gen(30, "norm", 10, 3); tt_paired("p_near_1/n=30/less", a, a - gen(30, "norm", 1, 1), alternative = "less")

# ------------------------------------------------------------------ one-way ANOVA
SRC_AOV <- paste(RVER, "summary(aov(y ~ factor(g)))")
anova_case <- function(name, groups, shift = 0) {
  gv <- lapply(groups, shifted, shift = shift)
  y <- unlist(gv); g <- factor(rep(seq_along(gv), lengths(gv)))
  s <- summary(aov(y ~ g))[[1]]
  ssb <- s[["Sum Sq"]][1]; ssw <- s[["Sum Sq"]][2]
  # cross-check aov against the textbook two-pass formulas
  gm <- mean(y); mi <- vapply(gv, mean, 0)
  ssb2 <- sum(lengths(gv) * (mi - gm)^2); ssw2 <- sum(mapply(function(v, m) sum((v - m)^2), gv, mi))
  if (abs(ssb - ssb2) > 1e-10 * ssb || abs(ssw - ssw2) > 1e-10 * ssw) stop(name, ": aov disagrees with formula")
  if (shift != 0) {
    yr <- unlist(groups)
    diag_note(paste0("anova ", name), s[["F value"]][1], summary(aov(yr ~ g))[[1]][["F value"]][1])
  }
  req <- list(type = "anova_oneway", groups = lapply(groups, arr))
  exp <- list(f_statistic = s[["F value"]][1], df_between = s$Df[1], df_within = s$Df[2],
              p_value = s[["Pr(>F)"]][1], ss_between = ssb, ss_within = ssw,
              ms_between = s[["Mean Sq"]][1], ms_within = s[["Mean Sq"]][2],
              eta_squared = ssb / (ssb + ssw))
  add_case(paste0("anova_oneway/", name), SRC_AOV, req, exp)
}
set.seed(104)
mk_groups <- function(sizes, kind = "norm", means = NULL, s = 1) {
  if (is.null(means)) means <- 10 + 0.4 * seq_along(sizes)
  mapply(function(n, m) gen(n, kind, m, s), sizes, means, SIMPLIFY = FALSE)
}
anova_case("k=2/sizes=2,2", mk_groups(c(2, 2)))
anova_case("k=2/sizes=2,3", mk_groups(c(2, 3), "exp"))
anova_case("k=3/sizes=2,3,2", mk_groups(c(2, 3, 2)))
anova_case("k=2/sizes=10,30", mk_groups(c(10, 30), "unif"))
anova_case("k=3/sizes=10,15,12", mk_groups(c(10, 15, 12)))
anova_case("k=4/sizes=30,25,40,35", mk_groups(c(30, 25, 40, 35), s = 2))
anova_case("k=5/sizes=100,80,120,90,110", mk_groups(c(100, 80, 120, 90, 110), "exp", s = 3))
anova_case("k=6/sizes=5,12,30,8,50,3", mk_groups(c(5, 12, 30, 8, 50, 3)))
anova_case("k=6/sizes=2,2,2,2,2,3", mk_groups(c(2, 2, 2, 2, 2, 3)))
anova_case("k=4/sizes=1000,800,1200,900", mk_groups(c(1000, 800, 1200, 900), "d64", means = c(0, 0.05, 0.1, 0.02)))
anova_case("k=3/sizes=300,200,100", mk_groups(c(300, 200, 100), means = c(5, 5.1, 5.05), s = 1))
anova_case("ties/round1/k=3/sizes=12,15,9", mk_groups(c(12, 15, 9), "r1", s = 0.7))
anova_case("ties/int/k=4/sizes=20,25,30,18", mk_groups(c(20, 25, 30, 18), "int", means = c(5, 6, 5, 7), s = 2))
anova_case("offset1e9/k=2/sizes=3,4", lapply(mk_groups(c(3, 4), means = c(0, 1)), `+`, OFF), shift = OFF)
anova_case("offset1e9/k=3/sizes=10,14,8", lapply(mk_groups(c(10, 14, 8), means = c(0, 0.5, 1)), `+`, OFF), shift = OFF)
anova_case("offset1e9/ties/k=4/sizes=20,30,25,22", lapply(mk_groups(c(20, 30, 25, 22), "r1", means = c(0, 0.2, 0.1, 0.4)), `+`, OFF),
           shift = OFF)
anova_case("offset1e9/k=5/sizes=150,120,100,130,90", lapply(mk_groups(c(150, 120, 100, 130, 90), means = c(0, 0.1, 0.05, 0.2, 0.15)), `+`, OFF),
           shift = OFF)
anova_case("small_p/k=3/sizes=40,50,45", mk_groups(c(40, 50, 45), means = c(0, 2, 4)))
anova_case("small_p/k=4/sizes=200,200,200,200", mk_groups(c(200, 200, 200, 200), means = c(0, 0.5, 1, 1.5)))
g <- mk_groups(c(20, 25, 30))
g <- mapply(function(v, e) v - mean(v) + 10 + e, g, c(0, 1e-3, -1e-3), SIMPLIFY = FALSE)
anova_case("p_near_1/k=3/sizes=20,25,30", g)

# ------------------------------------------------------------------ regression
SRC_LM <- paste(RVER, "lm + summary.lm")
reg_case <- function(name, y, X, intercept = NULL, y_shift = 0, x_shift = 0) {
  X <- as.matrix(X)
  icpt <- is.null(intercept) || isTRUE(intercept)
  fit <- if (icpt) lm(y ~ X) else lm(y ~ X - 1)
  s <- summary(fit)
  cf <- s$coefficients
  p <- ncol(X) + icpt
  if (nrow(cf) != p || any(is.na(coef(fit)))) stop(name, ": aliased coefficients")
  fs <- s$fstatistic
  est <- unname(cf[, 1]); se <- unname(cf[, 2]); tv <- unname(cf[, 3]); pv <- unname(cf[, 4])
  est_j <- as.list(est); se_j <- as.list(se); tv_j <- as.list(tv); pv_j <- as.list(pv)
  yr <- y; Xr <- X
  if (y_shift != 0) {
    stopifnot(icpt)
    yr <- y + y_shift
    if (any(yr - y_shift != y)) stop("y shift not exact")
    est_j[[1]] <- est[1] + y_shift
    t0 <- (est[1] + y_shift) / se[1]
    tv_j[[1]] <- t0
    p0 <- 2 * pt(-abs(t0), fit$df.residual)
    pv_j[[1]] <- if (p0 > 1e-300) p0 else STAR  # underflow: not checked
  }
  if (x_shift != 0) {
    stopifnot(icpt, ncol(X) == 1)
    Xr <- X + x_shift
    if (any(Xr - x_shift != X)) stop("x shift not exact")
    est_j[[1]] <- STAR; se_j[[1]] <- STAR; tv_j[[1]] <- STAR; pv_j[[1]] <- STAR
  }
  req <- compact(list(type = "regression_ols", y = arr(yr),
                      x = lapply(seq_len(nrow(Xr)), function(i) arr(Xr[i, ])), intercept = intercept))
  exp <- list(coefficients = est_j, std_errors = se_j, t_values = tv_j, p_values = pv_j,
              r_squared = s$r.squared, adj_r_squared = s$adj.r.squared,
              f_statistic = unname(fs["value"]),
              f_p_value = pf(fs["value"], fs["numdf"], fs["dendf"], lower.tail = FALSE)[[1]],
              residual_std_error = s$sigma, df_residual = fit$df.residual, n = length(y))
  add_case(paste0("regression_ols/", name), SRC_LM, req, exp)
}
set.seed(105)
mk_reg <- function(n, p, kind = "norm", noise = 1, beta = NULL, b0 = 1.5) {
  X <- sapply(seq_len(p), function(j) gen(n, kind, j - 2, 0.5 + j / 2))
  X <- matrix(X, nrow = n)
  if (is.null(beta)) beta <- round(runif(p, -2, 2), 2)
  y <- b0 + drop(X %*% beta) + rnorm(n, 0, noise)
  list(X = X, y = y)
}
k <- 0
for (p in 1:5) for (n in c(p + 2, p + 3, 10 * p + 5, 200)) {
  k <- k + 1
  d <- mk_reg(n, p, c("norm", "unif", "exp")[(k %% 3) + 1], noise = c(0.5, 1, 2)[(k %% 3) + 1])
  reg_case(sprintf("p=%d/n=%d/intercept", p, n), d$y, d$X, intercept = if (k %% 2 == 0) TRUE else NULL)
}
for (p in c(1, 2, 3, 5)) for (n in c(p + 2, 40)) {
  d <- mk_reg(n, p, b0 = 0)
  reg_case(sprintf("p=%d/n=%d/no_intercept", p, n), d$y, d$X, intercept = FALSE)
}
d <- mk_reg(1000, 2, noise = 3, beta = c(0.3, -0.2)); reg_case("p=2/n=1000/intercept", d$y, d$X)
d <- mk_reg(2500, 3, "d64", noise = 4, beta = c(0.25, -0.1, 0.02)); d$y <- round(d$y * 64) / 64
reg_case("p=3/n=2500/intercept", d$y, d$X, intercept = TRUE)
d <- mk_reg(1000, 5, "d64", noise = 4, b0 = 0, beta = c(0.3, -0.2, 0.1, 0.05, -0.02)); d$y <- round(d$y * 64) / 64
reg_case("p=5/n=1000/no_intercept", d$y, d$X, intercept = FALSE)
d <- mk_reg(30, 2, "int", noise = 1); d$y <- round(d$y, 1)
reg_case("ties/int_x/round1_y/p=2/n=30", d$y, d$X)
d <- mk_reg(60, 4, "r1", noise = 0.7); reg_case("ties/round1_x/p=4/n=60", d$y, d$X)
# y offset: y = 1e9 + v, v multiples of 1/1024 (exact); reference lm(v ~ x), intercept + 1e9
for (cfg in list(c(1, 30), c(3, 100), c(2, 4))) {
  d <- mk_reg(cfg[2], cfg[1]); v <- round(d$y * 1024) / 1024
  reg_case(sprintf("offset1e9_y/p=%d/n=%d", cfg[1], cfg[2]), v, d$X, y_shift = OFF)
}
# x offset: x = 1e9 + u, u multiples of 1/1024; slope etc. from lm(y ~ u); intercept not checked
for (n in c(3, 25, 500)) {
  u <- round(gen(n, "norm", 0, 2) * 1024) / 1024
  y <- 3 + 0.8 * u + rnorm(n, 0, 1)
  reg_case(sprintf("offset1e9_x/p=1/n=%d", n), y, matrix(u), x_shift = OFF)
}
d <- mk_reg(50, 3, noise = 0.05, beta = c(1, -2, 0.5)); reg_case("small_p/p=3/n=50", d$y, d$X)
d <- mk_reg(300, 1, noise = 1, beta = 0.6); reg_case("small_p/p=1/n=300", d$y, d$X)
d <- mk_reg(40, 2, noise = 1, beta = c(0, 0))
e <- residuals(lm(d$y ~ d$X)); y <- 1.5 + e + 5e-3 * d$X[, 1] - 3e-3 * d$X[, 2]
reg_case("p_near_1/p=2/n=40", y, d$X)

# ------------------------------------------------------------------ Pearson correlation
SRC_COR <- paste(RVER, "cor.test(method = \"pearson\")")
cor_case <- function(name, x, y, method = NULL, shift_x = 0, shift_y = 0) {
  vx <- shifted(x, shift_x); vy <- shifted(y, shift_y)
  r <- cor.test(vx, vy, method = "pearson")
  if (shift_x != 0 || shift_y != 0) diag_note(paste0("cor ", name), r$estimate, cor.test(x, y)$estimate)
  req <- compact(list(type = "correlation", x = arr(x), y = arr(y), method = method))
  exp <- list(coefficient = unname(r$estimate), p_value = r$p.value, n = length(x))
  add_case(paste0("correlation/pearson/", name), SRC_COR, req, exp)
}
set.seed(106)
mk_xy <- function(n, rho, kind = "norm") {
  x <- gen(n, kind, 2, 1.5)
  y <- rho * (x - 2) / 1.5 + sqrt(1 - rho^2) * rnorm(n)
  list(x = x, y = 5 + 2 * y)
}
k <- 0
for (n in c(3, 4, 5, 10, 30, 100, 1000)) {
  k <- k + 1
  d <- mk_xy(n, c(0.5, -0.3, 0.7)[(k %% 3) + 1], c("norm", "unif", "exp")[(k %% 3) + 1])
  cor_case(sprintf("n=%d", n), d$x, d$y, method = if (k %% 2 == 0) "pearson" else NULL)
}
d <- mk_xy(3000, 0.05, "d64"); cor_case("n=3000", d$x, round(d$y * 64) / 64, method = "pearson")
d <- mk_xy(25, 0.4, "r1"); cor_case("ties/round1/n=25", d$x, round(d$y, 1))
d <- mk_xy(60, -0.5, "int"); cor_case("ties/int/n=60", d$x, round(d$y))
d <- mk_xy(4, 0.6); cor_case("offset1e9_x/n=4", OFF + d$x, d$y, shift_x = OFF)
d <- mk_xy(40, 0.6); cor_case("offset1e9_xy/n=40", OFF + d$x, OFF + d$y, shift_x = OFF, shift_y = OFF)
d <- mk_xy(500, -0.2, "r1"); cor_case("offset1e9_xy/ties/n=500", OFF + d$x, OFF + round(d$y, 1), method = "pearson",
                                      shift_x = OFF, shift_y = OFF)
d <- mk_xy(200, 0.9); cor_case("small_p/n=200", d$x, d$y)
d <- mk_xy(30, -0.95); cor_case("small_p/n=30/negative", d$x, d$y)
x <- gen(50, "norm", 0, 1); y <- rnorm(50); y <- residuals(lm(y ~ x)) + 1e-4 * (x - mean(x)) + 3
cor_case("p_near_1/n=50", x, y)

# ------------------------------------------------------------------ chi-square independence
SRC_CHI <- paste(RVER, "chisq.test(correct = FALSE)")
chi_case <- function(name, tab) {
  tab <- as.matrix(tab)
  if (any(rowSums(tab) == 0) || any(colSums(tab) == 0)) stop(name, ": zero margin")
  r <- suppressWarnings(chisq.test(tab, correct = FALSE))
  N <- sum(tab)
  req <- list(type = "chi_square_independence", table = lapply(seq_len(nrow(tab)), function(i) arr(tab[i, ])))
  exp <- list(statistic = unname(r$statistic), df = unname(r$parameter), p_value = r$p.value,
              cramers_v = sqrt(unname(r$statistic) / (N * (min(dim(tab)) - 1))))
  add_case(paste0("chi_square_independence/", name), SRC_CHI, req, exp)
}
set.seed(107)
mk_tab <- function(r, c, N, assoc = 0) {
  pr <- runif(r, 0.5, 1.5); pc <- runif(c, 0.5, 1.5)
  P <- outer(pr, pc) * exp(assoc * matrix(rnorm(r * c), r, c))
  P <- P / sum(P)
  matrix(rmultinom(1, N, as.vector(P)), r, c)
}
chi_case("2x2/small", matrix(c(3, 1, 2, 4), 2, 2))
chi_case("2x2/N=60", mk_tab(2, 2, 60, 0.3))
chi_case("2x2/N=5000", mk_tab(2, 2, 5000, 0.05))
chi_case("2x3/N=40", mk_tab(2, 3, 40, 0.3))
chi_case("3x2/N=150", mk_tab(3, 2, 150, 0.2))
chi_case("3x3/N=90", mk_tab(3, 3, 90, 0.4))
chi_case("3x4/N=300", mk_tab(3, 4, 300, 0.2))
chi_case("4x4/N=25/sparse_with_zero_cells", matrix(c(2, 0, 1, 3, 0, 4, 1, 0, 1, 1, 0, 2, 3, 0, 2, 5), 4, 4))
chi_case("4x5/N=800", mk_tab(4, 5, 800, 0.15))
chi_case("5x5/N=2000", mk_tab(5, 5, 2000, 0.1))
chi_case("5x6/N=600", mk_tab(5, 6, 600, 0.2))
chi_case("6x5/N=100000", mk_tab(6, 5, 100000, 0.02))
chi_case("small_p/3x3/N=1000", mk_tab(3, 3, 1000, 1))
chi_case("small_p/2x2/N=400", matrix(c(150, 50, 40, 160), 2, 2))
chi_case("p_near_1/3x4", outer(c(10, 20, 30), c(5, 7, 9, 11)) + matrix(c(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), 3, 4))
chi_case("p_near_1/2x2/large", matrix(c(1000, 2000, 3000, 6001), 2, 2))

# ------------------------------------------------------------------ Wilcoxon signed-rank
SRC_W <- paste(RVER, "wilcox.test(paired = TRUE, exact = FALSE, correct = TRUE)")
wsr_case <- function(name, a, b, mu = NULL, alternative = NULL) {
  r <- wilcox.test(a, b, paired = TRUE, mu = if (is.null(mu)) 0 else mu, alternative = ralt(alternative),
                   exact = FALSE, correct = TRUE)
  d <- (a - b) - (if (is.null(mu)) 0 else mu)
  req <- compact(list(type = "wilcoxon_signed_rank", a = arr(a), b = arr(b), mu = mu, alternative = alternative))
  exp <- list(statistic = unname(r$statistic), p_value = r$p.value, n = length(a), n_nonzero = sum(d != 0))
  add_case(paste0("wilcoxon_signed_rank/", name), SRC_W, req, exp)
}
set.seed(108)
k <- 0
for (n in c(1, 2, 3, 6, 10, 25, 70, 250)) {
  for (alt in c("two-sided", "less", "greater")) {
    k <- k + 1
    a <- gen(max(n, 2), c("norm", "exp", "unif")[k %% 3 + 1], 5, 1)[1:n]
    b <- a - gen(max(n, 2), "norm", 0.4 * (k %% 3 - 1), 1)[1:n]
    wsr_case(sprintf("n=%d/%s", n, alt), a, b, alternative = if (alt == "two-sided" && k %% 2 == 0) NULL else alt)
  }
}
wsr_case("mu/n=20/two-sided", gen(20, "norm", 3, 1), gen(20, "norm", 1, 1), mu = 1.5)
wsr_case("mu/n=15/less", gen(15), gen(15), mu = -0.25, alternative = "less")
wsr_case("ties_and_zeros/int/n=30", gen(30, "int", 3, 1.5), gen(30, "int", 3, 1.5))
wsr_case("ties_and_zeros/int/n=90/greater", gen(90, "int", 3.4, 1.5), gen(90, "int", 3, 1.5), alternative = "greater")
wsr_case("ties/round1/n=40/less", gen(40, "r1", 1, 1), gen(40, "r1", 1.3, 1), alternative = "less")
wsr_case("zeros/some_equal_pairs/n=12", c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), c(1, 2, 3, 3.5, 4, 7, 6.5, 8, 8, 11, 10, 9))
wsr_case("one_nonzero/n=4/greater", c(1, 2, 3, 4), c(1, 2, 3, 3), alternative = "greater")
wsr_case("large/n=4000", gen(4000, "d64", 10, 2), gen(4000, "d64", 10.05, 2))
for (alt in c("two-sided", "less", "greater")) {
  x <- gen(50)
  wsr_case(paste0("offset1e9/n=50/", alt), OFF + x, OFF + x - gen(50, "r1", 0.2, 1), alternative = alt)
}
wsr_case("small_p/n=120/less", gen(120), gen(120, "norm", 1, 1), alternative = "less")

# ------------------------------------------------------------------ Kruskal-Wallis
SRC_K <- paste(RVER, "kruskal.test")
kw_case <- function(name, groups) {
  r <- kruskal.test(groups)
  req <- list(type = "kruskal_wallis", groups = lapply(groups, arr))
  exp <- list(statistic = unname(r$statistic), df = unname(r$parameter), p_value = r$p.value,
              n = sum(lengths(groups)))
  add_case(paste0("kruskal_wallis/", name), SRC_K, req, exp)
}
set.seed(109)
kw_case("k=2/sizes=1,1", list(1, 2))
kw_case("k=3/sizes=1,2,1", list(3.5, c(1, 2), 4))
for (sizes in list(c(5, 7), c(10, 10, 10), c(3, 8, 12, 20), rep(15, 6), c(300, 250, 400))) {
  kw_case(paste0("k=", length(sizes), "/sizes=", paste(sizes, collapse = ",")),
          lapply(seq_along(sizes), function(i) gen(sizes[i], c("norm", "exp", "unif")[i %% 3 + 1], 0.3 * i, 1)))
}
kw_case("ties/int/k=3", list(gen(40, "int", 3, 1.2), gen(35, "int", 3, 1.2), gen(50, "int", 3.5, 1.2)))
kw_case("ties/round1/k=4", lapply(0:3, function(i) gen(12, "r1", 0.2 * i, 1)))
kw_case("ties/all_but_one_tied", list(c(5, 5, 5), c(5, 5, 6)))
kw_case("offset1e9/k=3", lapply(0:2, function(i) OFF + gen(25, "norm", 0.2 * i, 1)))
kw_case("small_p/k=3", list(gen(80), gen(80, "norm", 1, 1), gen(80, "norm", 2, 1)))
kw_case("large/k=5/n=5000", lapply(0:4, function(i) gen(1000, "d64", 0.02 * i, 1)))

# ------------------------------------------------------------------ Kendall's tau
SRC_TAU <- paste(RVER, "cor.test(method = 'kendall', exact = FALSE, continuity = FALSE)")
tau_case <- function(name, x, y) {
  r <- cor.test(x, y, method = "kendall", exact = FALSE, continuity = FALSE)
  req <- list(type = "correlation", x = arr(x), y = arr(y), method = "kendall")
  add_case(paste0("correlation/kendall/", name), SRC_TAU, req,
           list(coefficient = unname(r$estimate), p_value = r$p.value, n = length(x)))
}
set.seed(110)
for (n in c(3, 4, 8, 20, 60, 300, 2000)) {
  x <- gen(n); tau_case(sprintf("n=%d", n), x, 0.4 * x + gen(n))
}
x <- gen(40, "r1", 0, 1); tau_case("ties/round1/n=40", x, round(0.5 * x + gen(40), 1))
x <- gen(100, "int", 0, 1.5); tau_case("ties/int/n=100", x, round(-0.3 * x + gen(100, "norm", 0, 1.5)))
tau_case("ties/both/n=6", c(1, 1, 2, 2, 3, 3), c(1, 2, 2, 3, 3, 3))
x <- gen(30); tau_case("offset1e9/n=30", OFF + x, x + gen(30))
x <- gen(200); tau_case("small_p/n=200", x, x + 0.3 * gen(200))
x <- gen(50); tau_case("p_near_1/n=50", x, gen(50))

# ------------------------------------------------------------------ Levene (Brown-Forsythe)
# car::leveneTest is the one-way ANOVA of |y - center of its group| (its own code); base R does the same.
SRC_L <- paste(RVER, "anova(lm(abs(y - ave(y, g, FUN = center)) ~ g)), as car::leveneTest")
levene_case <- function(name, groups, center = NULL, shift = 0) {
  y <- shifted(unlist(groups), shift)  # distances are shift invariant: computed on the exact shifted data
  g <- factor(rep(seq_along(groups), lengths(groups)))
  f <- if (identical(center, "mean")) mean else median
  a <- anova(lm(abs(y - ave(y, g, FUN = f)) ~ g))
  req <- compact(list(type = "levene", groups = lapply(groups, arr), center = center))
  exp <- list(statistic = a[["F value"]][1], df_between = a$Df[1], df_within = a$Df[2], p_value = a[["Pr(>F)"]][1])
  add_case(paste0("levene/", name), SRC_L, req, exp)
}
set.seed(111)
levene_case("k=2/sizes=3,1", list(c(1, 4, 6), 2.5))
levene_case("k=2/sizes=3,3/mean", list(c(1, 2, 4), c(2, 7, 9)), "mean")
for (sizes in list(c(5, 7), c(10, 10, 10), c(3, 8, 12, 20), rep(15, 6), c(300, 250, 400))) {
  for (center in list(NULL, "mean")) {
    levene_case(paste0("k=", length(sizes), "/sizes=", paste(sizes, collapse = ","), "/", if (is.null(center)) "median" else "mean"),
                lapply(seq_along(sizes), function(i) gen(sizes[i], c("norm", "exp", "unif")[i %% 3 + 1], i, 0.5 + 0.3 * i)),
                center)
  }
}
levene_case("ties/int/k=3", list(gen(40, "int", 3, 1.2), gen(35, "int", 3, 2), gen(50, "int", 3.5, 1)))
levene_case("offset1e9/k=3/mean", lapply(1:3, function(i) OFF + gen(25, "norm", 0, i)), "mean", shift = OFF)
levene_case("small_p/k=3", list(gen(80, "norm", 0, 1), gen(80, "norm", 0, 2), gen(80, "norm", 0, 4)))

# ------------------------------------------------------------------ two proportions
SRC_P <- paste(RVER, "prop.test(correct = FALSE)")
prop_case <- function(name, x, n, alternative = NULL, confidence = NULL) {
  # suppressWarnings: R warns that the chi-square approximation may be poor for small counts; the
  # numbers are still the ones it defines, and the ones to match.
  r <- suppressWarnings(prop.test(x, n, alternative = ralt(alternative),
                                  conf.level = if (is.null(confidence)) 0.95 else confidence, correct = FALSE))
  req <- compact(list(type = "proportions_test", successes = arr(x), trials = arr(n),
                      alternative = alternative, confidence = confidence))
  exp <- list(statistic = unname(r$statistic), df = unname(r$parameter), p_value = r$p.value,
              estimate_a = unname(r$estimate[1]), estimate_b = unname(r$estimate[2]),
              ci_low = r$conf.int[1], ci_high = r$conf.int[2])
  add_case(paste0("proportions_test/", name), SRC_P, req, exp)
}
set.seed(112)
k <- 0
for (n in c(1, 5, 20, 100, 1000, 100000)) {
  for (alt in c("two-sided", "less", "greater")) {
    k <- k + 1
    nn <- c(n, n + k %% 4)
    x <- c(rbinom(1, nn[1], 0.3 + 0.1 * (k %% 3)), rbinom(1, nn[2], 0.4))
    if (sum(x) == 0 || sum(x) == sum(nn)) x[1] <- if (sum(x) == 0) 1 else x[1] - 1
    prop_case(sprintf("n=%d/%s", n, alt), x, nn, alternative = if (alt == "two-sided" && k %% 2 == 0) NULL else alt,
              confidence = if (k %% 3 == 0) 0.9 else NULL)
  }
}
prop_case("zero_successes_in_one/n=10,12", c(0, 5), c(10, 12))
prop_case("all_successes_in_one/n=10,12/less", c(10, 5), c(10, 12), alternative = "less")
prop_case("ci_clipped/n=3,3", c(3, 0), c(3, 3))
prop_case("ci_clipped/n=2,2/greater", c(2, 0), c(2, 2), alternative = "greater", confidence = 0.99)
prop_case("equal/n=40,40", c(12, 12), c(40, 40))
prop_case("small_p/n=5000,5000", c(2600, 2300), c(5000, 5000))

# ------------------------------------------------------------------ multiple comparisons
SRC_PA <- paste(RVER, "p.adjust")
padj_case <- function(name, p, method = NULL) {
  m <- if (is.null(method)) "holm" else method
  r <- p.adjust(p, method = c(holm = "holm", hochberg = "hochberg", hommel = "hommel", bonferroni = "bonferroni",
                              bh = "BH", by = "BY")[[m]])
  req <- compact(list(type = "p_adjust", p_values = arr(p), method = method))
  add_case(paste0("p_adjust/", name), SRC_PA, req, list(adjusted = arr(r)))
}
set.seed(113)
methods <- c("holm", "hochberg", "hommel", "bonferroni", "bh", "by")
for (m in methods) {
  padj_case(paste0("n=1/", m), 0.03, m)
  padj_case(paste0("n=2/", m), c(0.04, 0.01), m)
  padj_case(paste0("n=5/", m), c(0.01, 0.04, 0.03, 0.005, 0.5), m)
  padj_case(paste0("ties/n=8/", m), c(0.02, 0.02, 0.5, 0.001, 0.02, 1, 0, 0.5), m)
  padj_case(paste0("n=50/", m), c(runif(40), rbeta(10, 0.2, 5)), m)
  big <- if (m == "hommel") 300 else 2000  # the cross-check's Hommel is cubic
  padj_case(paste0("n=", big, "/", m), c(runif(big * 0.9), rbeta(big * 0.1, 0.1, 10)), m)
}
padj_case("default_holm/n=6", c(0.001, 0.2, 0.01, 0.04, 0.9, 0.03))

# ------------------------------------------------------------------ Fisher's exact test (2 x 2)
# R's own fisher.test, with the one change the reference needs: its root finder run to 1e-15
# instead of uniroot's default 1e-4 (the estimate and the interval are then R's definitions
# solved, not R's rounding of them). The p-value does not use the root finder.
fisher_tight <- fisher.test
environment(fisher_tight) <- list2env(list(uniroot = function(f, interval, ...)
  stats::uniroot(f, interval, ..., tol = 1e-15, maxiter = 10000)), parent = environment(fisher.test))
SRC_F <- paste(RVER, "fisher.test (its uniroot at tol = 1e-15)")
fisher_case <- function(name, tab, alternative = NULL, confidence = NULL) {
  r <- fisher_tight(matrix(tab, 2, 2, byrow = TRUE), alternative = ralt(alternative),
                    conf.level = if (is.null(confidence)) 0.95 else confidence)
  inf_null <- function(v) if (is.finite(v)) v else JNULL
  req <- compact(list(type = "fisher_exact", table = list(arr(tab[1:2]), arr(tab[3:4])),
                      alternative = alternative, confidence = confidence))
  exp <- list(p_value = r$p.value, odds_ratio = inf_null(unname(r$estimate)),
              ci_low = inf_null(r$conf.int[1]), ci_high = inf_null(r$conf.int[2]))
  add_case(paste0("fisher_exact/", name), SRC_F, req, exp)
}
set.seed(114)
fisher_case("small/two-sided", c(3, 1, 1, 3))
fisher_case("small/less", c(3, 1, 1, 3), "less")
fisher_case("small/greater", c(3, 1, 1, 3), "greater", 0.9)
fisher_case("tea_tasting", c(3, 1, 1, 3), "greater")
fisher_case("zero_cell/estimate_0", c(0, 5, 4, 3))
fisher_case("zero_cell/estimate_infinite", c(6, 0, 2, 5))
fisher_case("zero_cell/estimate_infinite/greater", c(6, 0, 2, 5), "greater")
fisher_case("zero_cell/estimate_0/less", c(0, 5, 4, 3), "less", 0.99)
fisher_case("balanced/N=40", c(10, 10, 10, 10))
fisher_case("medium/N=100", c(30, 20, 15, 35))
fisher_case("medium/N=100/less", c(30, 20, 15, 35), "less")
fisher_case("large/N=2000", c(600, 400, 450, 550))
fisher_case("unbalanced_margins", c(1, 40, 9, 50))
fisher_case("p_near_1", c(12, 13, 11, 14))
for (i in 1:6) {
  tab <- rpois(4, c(2, 8, 30, 60)[(i %% 4) + 1]) + 1
  fisher_case(sprintf("random/%d", i), tab, c("two-sided", "less", "greater")[(i %% 3) + 1])
}

# ------------------------------------------------------------------ logistic regression
SRC_G <- paste(RVER, "glm(family = binomial, control = glm.control(epsilon = 1e-12, maxit = 100))")
logit_case <- function(name, y, X, intercept = NULL) {
  fit <- if (isFALSE(intercept)) glm(y ~ X - 1, family = binomial, control = glm.control(epsilon = 1e-12, maxit = 100))
         else glm(y ~ X, family = binomial, control = glm.control(epsilon = 1e-12, maxit = 100))
  if (!fit$converged) stop(name, ": did not converge")
  co <- summary(fit)$coefficients
  req <- compact(list(type = "logistic_regression", y = arr(y), x = lapply(seq_len(nrow(X)), function(i) arr(X[i, ])),
                      intercept = intercept))
  exp <- list(coefficients = arr(co[, 1]), std_errors = arr(co[, 2]), z_values = arr(co[, 3]), p_values = arr(co[, 4]),
              deviance = fit$deviance, null_deviance = fit$null.deviance, df_residual = fit$df.residual,
              df_null = fit$df.null, aic = fit$aic, n = length(y))
  add_case(paste0("logistic_regression/", name), SRC_G, req, exp)
}
set.seed(115)
mk_logit <- function(n, beta, kind = "norm") {
  X <- matrix(gen(n * (length(beta) - 1), kind), n, length(beta) - 1)
  y <- rbinom(n, 1, plogis(beta[1] + X %*% beta[-1]))
  list(y = y, X = X)
}
for (cfg in list(list(n = 10, b = c(0, 1)), list(n = 30, b = c(-0.5, 1, -1)), list(n = 100, b = c(0.3, 0.8, -0.4, 0.2)),
                 list(n = 1000, b = c(-1, 0.5, 0.25)), list(n = 5000, b = c(0.2, -0.3, 0.6, 0.1, -0.2)))) {
  d <- mk_logit(cfg$n, cfg$b)
  logit_case(sprintf("n=%d/p=%d", cfg$n, length(cfg$b)), d$y, d$X)
}
d <- mk_logit(60, c(0, 1, 1)); logit_case("no_intercept/n=60/p=2", d$y, d$X, intercept = FALSE)
d <- mk_logit(200, c(-2.5, 1.5)); logit_case("rare_outcome/n=200", d$y, d$X)
d <- mk_logit(40, c(0, 0.7), "r1"); logit_case("ties/round1/n=40", d$y, d$X)
X <- matrix(c(1, 2, 3, 4, 5, 6, 7, 8), 8, 1); logit_case("small/n=8/overlap", c(0, 1, 0, 0, 1, 1, 0, 1), X)
X <- cbind(gen(50, "norm", 1000, 10), gen(50, "norm", 0, 0.01)); y <- rbinom(50, 1, 0.5)
logit_case("scales/n=50", y, X)

# ------------------------------------------------------------------ Shapiro-Wilk
SRC_SW <- paste(RVER, "shapiro.test")
sw_case <- function(name, x) {
  r <- shapiro.test(x)
  add_case(paste0("shapiro_wilk/", name), SRC_SW, list(type = "shapiro_wilk", data = arr(x)),
           list(statistic = unname(r$statistic), p_value = r$p.value, n = length(x)))
}
set.seed(116)
for (n in c(3, 4, 5, 6, 7, 11, 12, 20, 50, 200, 1000, 5000)) {
  sw_case(sprintf("normal/n=%d", n), gen(n, "norm", 10, 2))
}
for (n in c(3, 8, 30, 300)) sw_case(sprintf("exponential/n=%d", n), gen(n, "exp", 0, 1))
sw_case("uniform/n=100", gen(100, "unif", 0, 1))
sw_case("ties/round1/n=40", gen(40, "r1", 0, 1))
sw_case("ties/int/n=25", gen(25, "int", 5, 2))
sw_case("n=3/exact/equally_spaced", c(1, 2, 3))
sw_case("offset1e9/n=30", OFF + gen(30, "norm", 0, 1))
sw_case("heavy_tails/n=500", 3 * rt(500, 2))

# ------------------------------------------------------------------ power of a t-test
SRC_PW <- paste(RVER, "power.t.test(strict = FALSE, tol = 1e-12)")
power_case <- function(name, n = NULL, power = NULL, delta, sd = NULL, sig_level = NULL, test = NULL, alternative = NULL) {
  r <- power.t.test(n = n, power = power, delta = delta, sd = if (is.null(sd)) 1 else sd,
                    sig.level = if (is.null(sig_level)) 0.05 else sig_level,
                    type = if (is.null(test)) "two.sample" else chartr("_", ".", test),
                    alternative = ralt(alternative), strict = FALSE, tol = 1e-12)
  req <- compact(list(type = "power_ttest", n = n, power = power, delta = delta, sd = sd, sig_level = sig_level,
                      test = test, alternative = alternative))
  add_case(paste0("power_ttest/", name), SRC_PW, req,
           list(n = r$n, power = r$power, delta = r$delta, sd = r$sd, sig_level = r$sig.level))
}
power_case("power/n=20/delta=1", n = 20, delta = 1)
power_case("power/n=2/delta=1", n = 2, delta = 1)
power_case("power/n=15.5/one_sample/one-sided", n = 15.5, delta = 0.5, test = "one_sample", alternative = "one-sided")
power_case("power/n=30/paired/sd=2", n = 30, delta = 1.2, sd = 2, test = "paired")
power_case("power/n=100/sig=0.01", n = 100, delta = 0.3, sig_level = 0.01)
power_case("power/n=5000/small_delta", n = 5000, delta = 0.05)
power_case("power/n=8/large_delta", n = 8, delta = 4)
power_case("power/n=3000/ncp_above_37", n = 3000, delta = 1.5)  # where R switches to its normal approximation
power_case("n/power=0.8/delta=1", power = 0.8, delta = 1)
power_case("n/power=0.9/delta=0.5/one-sided", power = 0.9, delta = 0.5, alternative = "one-sided")
power_case("n/power=0.8/one_sample/sd=3", power = 0.8, delta = 1, sd = 3, test = "one_sample")
power_case("n/power=0.95/paired/sig=0.01", power = 0.95, delta = 0.4, test = "paired", sig_level = 0.01)
power_case("n/power=0.5/delta=0.1", power = 0.5, delta = 0.1)
power_case("n/power=0.99/delta=2", power = 0.99, delta = 2)

# ------------------------------------------------------------------ Tukey's HSD
# R's qtukey stops its secant iteration at a step of 1e-4, which leaves its quantile (and so the
# intervals) good to about 1e-7 from 10 degrees of freedom up, where its ptukey agrees with SciPy's
# to about 1e-10: those cases hold R to 1e-6. With 2 or 3 degrees of freedom R's quadrature is off
# by up to 3e-3 (SciPy and the engine agree with each other to 1e-14 there): those cases hold R to
# 5e-3. scipy.ndjson holds SciPy's tukey_hsd to 1e-9 at every size.
SRC_TK <- paste(RVER, "TukeyHSD(aov(y ~ g))")
tukey_case <- function(name, groups, confidence = NULL, tolerance = 1e-6) {
  y <- unlist(groups)
  g <- factor(rep(seq_along(groups), lengths(groups)))
  t <- TukeyHSD(aov(y ~ g), conf.level = if (is.null(confidence)) 0.95 else confidence)$g
  k <- length(groups)
  pairs <- list(); row <- 0
  for (a in 1:(k - 1)) for (b in (a + 1):k) {
    row <- which(rownames(t) == paste0(b, "-", a))
    pairs[[length(pairs) + 1]] <- list(group_a = a - 1, group_b = b - 1, diff = t[row, "diff"], ci_low = t[row, "lwr"],
                                       ci_high = t[row, "upr"], p_value = t[row, "p adj"])
  }
  req <- compact(list(type = "tukey_hsd", groups = lapply(groups, arr), confidence = confidence))
  add_case(paste0("tukey_hsd/", name), SRC_TK, req, list(comparisons = pairs), tolerance = tolerance)
}
set.seed(117)
tukey_case("k=2/sizes=2,2/df=2", list(c(1, 3), c(5, 6)), tolerance = 5e-3)
tukey_case("k=3/sizes=5,5,5", lapply(0:2, function(i) gen(5, "norm", 0.6 * i, 1)))
tukey_case("k=4/unequal/conf=0.9", lapply(c(5, 7, 6, 8), function(n) gen(n, "norm", n / 10, 1)), confidence = 0.9)
tukey_case("k=5/sizes=20", lapply(0:4, function(i) gen(20, "norm", 0.3 * i, 1.5)))
tukey_case("k=6/large/n=600", lapply(0:5, function(i) gen(100, "norm", 0.05 * i, 1)))
tukey_case("ties/round1/k=3", lapply(0:2, function(i) gen(12, "r1", 0.4 * i, 1)))
tukey_case("df=3/k=3", list(c(1, 2), c(3, 4.5), c(2.5, 6)), tolerance = 5e-3)

# ------------------------------------------------------------------ write
dir.create(dirname(OUT), recursive = TRUE, showWarnings = FALSE)
con <- file(OUT, open = "wb")
writeLines(LINES, con, sep = "\n", useBytes = TRUE)
close(con)

cat(sprintf("wrote %s: %d cases, %d bytes\n", OUT, length(LINES), file.size(OUT)))
tab <- table(TYPES)
for (t in names(tab)) cat(sprintf("  %-26s %d\n", t, tab[[t]]))
if (length(DIAG)) {
  cat("offset cases -- R's own result on the raw 1e9 data vs. the exact-shift reference:\n")
  cat(paste0("  ", DIAG, "\n"), sep = "")
}
