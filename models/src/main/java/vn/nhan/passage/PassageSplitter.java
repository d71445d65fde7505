package vn.nhan.passage;

import java.util.Arrays;
import vn.nhan.text.SentenceSplitter;

/**
 * Cuts a text into passages: consecutive sentences ({@link SentenceSplitter}) grouped until a
 * passage holds {@code minWords}, never past {@code maxWords} unless one sentence is longer, which
 * is then cut at spaces into even pieces. A passage also closes at the end of a paragraph once it
 * holds three quarters of {@code minWords}; a short last piece joins the passage before it. With
 * {@code titleLine}, the first line (the title) is a passage of its own. Depends only on the text,
 * so the scoring path and the explaining path find the same passages. Stateless and thread-safe.
 */
public final class PassageSplitter {
    private final PassageConfig config;

    public PassageSplitter(PassageConfig config) {
        this.config = config;
    }

    public PassageConfig config() {
        return config;
    }

    /** The passages of {@code text}, in order, as ranges of it. */
    public Passages split(CharSequence text, boolean titleLine) {
        Builder b = new Builder(text, titleLine ? firstLineEnd(text) : -1);
        SentenceSplitter.split(text, b);
        return b.finish();
    }

    private static int firstLineEnd(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                return i;
            }
        }
        return text.length();
    }

    /** Counts the words (runs of letters, digits and joiners between spaces) of {@code text[from..to)}. */
    static int words(CharSequence text, int from, int to) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                inWord = false;
            } else if (!inWord && Character.isLetterOrDigit(c)) {
                inWord = true;
                words++;
            }
        }
        return words;
    }

    private final class Builder implements SentenceSplitter.Sink {
        private final CharSequence text;
        private final int titleEnd;
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private int[] wordCounts = new int[16];
        private int size;
        private boolean titleDone;
        private boolean titlePassage;
        private int openStart = -1;
        private int openEnd;
        private int openWords;

        Builder(CharSequence text, int titleEnd) {
            this.text = text;
            this.titleEnd = titleEnd;
        }

        @Override
        public void sentence(int start, int end, boolean endsLine) {
            int words = words(text, start, end);
            if (titleEnd >= 0 && !titleDone) {
                if (start < titleEnd) {
                    extend(start, end, words); // the title is one passage, whatever its sentences
                    if (endsLine) {
                        closeTitle();
                    }
                    return;
                }
                closeTitle();
            }
            if (words > config.maxWords()) {
                close();
                cutLong(start, end, words);
                return;
            }
            if (openStart >= 0 && openWords + words > config.maxWords()) {
                close();
            }
            extend(start, end, words);
            if (openWords >= config.minWords() || endsLine && openWords * 4 >= config.minWords() * 3) {
                close();
            }
        }

        private void extend(int start, int end, int words) {
            if (openStart < 0) {
                openStart = start;
            }
            openEnd = end;
            openWords += words;
        }

        private void closeTitle() {
            titlePassage = openStart >= 0;
            close();
            titleDone = true;
        }

        /** Cuts one over-long sentence at spaces into pieces of about equal word counts. */
        private void cutLong(int start, int end, int words) {
            int pieces = (words + config.maxWords() - 1) / config.maxWords();
            int perPiece = (words + pieces - 1) / pieces;
            int pieceStart = start;
            int count = 0;
            boolean inWord = false;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    inWord = false;
                    if (count == perPiece) {
                        add(pieceStart, trimEnd(pieceStart, i), count);
                        pieceStart = i + 1;
                        count = 0;
                    }
                } else if (!inWord && Character.isLetterOrDigit(c)) {
                    inWord = true;
                    count++;
                }
            }
            if (count > 0) {
                add(pieceStart, end, count);
            }
        }

        private int trimEnd(int from, int to) {
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            return to;
        }

        private void close() {
            if (openStart < 0) {
                return;
            }
            add(openStart, openEnd, openWords);
            openStart = -1;
            openWords = 0;
        }

        private void add(int start, int end, int words) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                wordCounts = Arrays.copyOf(wordCounts, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            wordCounts[size] = words;
            size++;
        }

        Passages finish() {
            if (titleEnd >= 0 && !titleDone) {
                closeTitle();
            }
            if (openStart >= 0) {
                boolean afterBody = size > (titlePassage ? 1 : 0);
                if (afterBody && openWords * 2 < config.minWords()
                        && wordCounts[size - 1] + openWords <= config.maxWords() + config.minWords() / 2) {
                    ends[size - 1] = openEnd; // a short last piece joins the passage before it
                    wordCounts[size - 1] += openWords;
                } else {
                    close();
                }
            }
            return new Passages(Arrays.copyOf(starts, size), Arrays.copyOf(ends, size), Arrays.copyOf(wordCounts, size), titlePassage);
        }
    }
}
