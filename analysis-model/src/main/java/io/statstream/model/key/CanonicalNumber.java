package io.statstream.model.key;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Spells a double the way RFC 8785 (JSON Canonicalization Scheme) does, i.e. as ECMAScript's
 * {@code Number.prototype.toString}: the shortest digits that read back as the same double, the
 * closest such digits when there are several, plain notation for exponents in [-6, 21) and
 * {@code 1e+21}-style notation outside. So {@code 1}, {@code 1.0} and {@code 1e0} all become {@code "1"}.
 *
 * <p>The digits come from Jackson's port of the Schubfach algorithm, not from
 * {@link Double#toString}, whose digits changed between Java 17 and 19: a key must not depend on
 * the JVM it was computed on.
 */
public final class CanonicalNumber {
    private CanonicalNumber() {
    }

    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no spelling for " + value);
        }
        if (value == 0) {
            return "0"; // -0 too, as in ECMAScript
        }
        String java = DoubleToDecimal.toString(value);
        if (java.indexOf('E') < 0) {
            // Java's plain range, [1e-3, 1e7), lies inside ECMAScript's, [1e-6, 1e21), and there
            // both spell the shortest digits the same way, but for Java's ".0" after an integer.
            // Most data are in this range: they skip the general path below.
            return java.endsWith(".0") ? java.substring(0, java.length() - 2) : java;
        }
        Decimal decimal = shortestDecimal(Math.abs(value));
        return (value < 0 ? "-" : "") + layout(decimal.digits(), decimal.pointPosition());
    }

    /** value = 0.digits * 10^pointPosition, digits without leading or trailing zeros. */
    private record Decimal(String digits, int pointPosition) {
    }

    private static Decimal shortestDecimal(double value) {
        Decimal schubfach = parse(DoubleToDecimal.toString(value));
        if (schubfach.digits().length() == 2) {
            // Java's spelling keeps two digits where one would do (4.9E-324); ECMAScript takes one
            // whenever a single digit reads back as the same double (5e-324).
            BigDecimal oneDigit = new BigDecimal(value).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(oneDigit.toString()) == value) {
                return parse(oneDigit.toString());
            }
        }
        return schubfach;
    }

    /** Reads Java's spellings ("123.45", "1.0E-5", "1E+1") into digits and the position of the point. */
    private static Decimal parse(String text) {
        int exponentAt = Math.max(text.indexOf('E'), text.indexOf('e'));
        String mantissa = exponentAt < 0 ? text : text.substring(0, exponentAt);
        int exponent = exponentAt < 0 ? 0 : Integer.parseInt(text.substring(exponentAt + 1));
        int point = mantissa.indexOf('.');
        String integerPart = point < 0 ? mantissa : mantissa.substring(0, point);
        String fraction = point < 0 ? "" : mantissa.substring(point + 1);
        String digits = integerPart + fraction;
        int pointPosition = integerPart.length() + exponent;
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
            pointPosition--;
        }
        int end = digits.length();
        while (end > first + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return new Decimal(digits.substring(first, end), pointPosition);
    }

    private static String layout(String digits, int pointPosition) {
        int k = digits.length();
        int n = pointPosition;
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
}
