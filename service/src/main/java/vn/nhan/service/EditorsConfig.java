package vn.nhan.service;

/**
 * Settings of the editors' side of the service, validated: whether the classification API needs a
 * key ({@code NHAN_REQUIRE_KEY}), the size caps on a correction, and how many recently classified
 * articles the review queue keeps ({@code NHAN_REVIEW_KEEP}) and for how long
 * ({@code NHAN_REVIEW_DAYS}).
 */
public record EditorsConfig(boolean requireKey, int maxTextChars, int maxTitleChars, int maxIdChars, int reviewKeep,
                            java.time.Duration reviewRetention) {
    public static final int DEFAULT_MAX_TEXT_CHARS = 100_000;
    public static final int DEFAULT_MAX_TITLE_CHARS = 1_000;
    public static final int DEFAULT_MAX_ID_CHARS = 200;
    public static final int DEFAULT_REVIEW_KEEP = 1000;
    public static final int DEFAULT_REVIEW_DAYS = 30;

    public EditorsConfig {
        check("maxTextChars", maxTextChars, 1_000_000);
        check("maxTitleChars", maxTitleChars, 100_000);
        check("maxIdChars", maxIdChars, 10_000);
        check("reviewKeep", reviewKeep, 1_000_000);
        if (reviewRetention == null || reviewRetention.isNegative() || reviewRetention.isZero()) {
            throw new IllegalArgumentException("the review retention must be a positive time, got " + reviewRetention);
        }
    }

    private static void check(String name, int value, int most) {
        if (value < 1 || value > most) {
            throw new IllegalArgumentException(name + " must be between 1 and " + most + ", got " + value);
        }
    }

    public static EditorsConfig defaults() {
        return new EditorsConfig(false, DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_TITLE_CHARS, DEFAULT_MAX_ID_CHARS, DEFAULT_REVIEW_KEEP,
                java.time.Duration.ofDays(DEFAULT_REVIEW_DAYS));
    }

    public EditorsConfig withRequireKey(boolean require) {
        return new EditorsConfig(require, maxTextChars, maxTitleChars, maxIdChars, reviewKeep, reviewRetention);
    }

    public EditorsConfig withReview(int keep, java.time.Duration retention) {
        return new EditorsConfig(requireKey, maxTextChars, maxTitleChars, maxIdChars, keep, retention);
    }

    /** {@code NHAN_REQUIRE_KEY}: "true" or "false" (blank means the default, false). */
    public static boolean parseRequireKey(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException("NHAN_REQUIRE_KEY must be true or false, got '" + value + "'");
        };
    }
}
