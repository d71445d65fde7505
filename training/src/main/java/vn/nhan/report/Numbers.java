package vn.nhan.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Locale-independent number formatting for the reports. */
final class Numbers {

    private Numbers() {
    }

    /** A metric in [0, 1] with three decimals, e.g. {@code 0.812}. */
    static String metric(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A small metric (hamming loss) with four decimals. */
    static String fine(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** A threshold with up to four significant digits and no trailing zeros, e.g. {@code 0.35}. */
    static String threshold(float value) {
        if (!Float.isFinite(value)) {
            return Float.toString(value);
        }
        BigDecimal rounded = new BigDecimal(Float.toString(value)).round(new MathContext(4));
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }

    /** An SVG coordinate with one decimal. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Rounds to four decimals, for compact JSON curves. */
    static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
