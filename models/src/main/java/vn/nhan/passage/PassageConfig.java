package vn.nhan.passage;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * How an article is cut into passages: a few sentences each, {@code minWords} to {@code maxWords}
 * words, cut at sentence ends (a sentence longer than {@code maxWords} is cut at spaces). The title,
 * when there is one, is a passage of its own. Saved in the bundle with the training configuration.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PassageConfig(int minWords, int maxWords) {
    public static final int DEFAULT_MIN_WORDS = 40;
    public static final int DEFAULT_MAX_WORDS = 80;

    public PassageConfig {
        if (minWords < 1 || maxWords < minWords || maxWords > 10_000) {
            throw new IllegalArgumentException("passage words must satisfy 1 <= min <= max <= 10000, got " + minWords + ".." + maxWords);
        }
    }

    public static PassageConfig defaults() {
        return new PassageConfig(DEFAULT_MIN_WORDS, DEFAULT_MAX_WORDS);
    }
}
