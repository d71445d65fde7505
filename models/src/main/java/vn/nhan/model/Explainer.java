package vn.nhan.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nhan.features.ArticleFeatures;
import vn.nhan.features.FeatureExtractor;
import vn.nhan.features.NGramOccurrences;
import vn.nhan.features.SparseVector;
import vn.nhan.features.Vocabulary;
import vn.nhan.passage.Passages;
import vn.nhan.text.TrackedText;

/**
 * Explains the labels of one article from the features already extracted for it: the best one to
 * three passages of each label ({@link Evidence}, with offsets into what the client sent), and the
 * words and phrases of those passages that raised the label's score most.
 *
 * <p>Words, not syllables: adjacent syllables are joined into words by the cohesion of their
 * bigram, read off the vocabulary's document frequencies (how often the bigram occurs where the
 * rarer syllable does), strongest pairs first, so "hội nghị", "đồng chí", "báo cáo" and "sơ kết"
 * hold together; a term is always such a word. A syllable inside a longer word is never shown alone.
 */
final class Explainer {
    private final Classifier classifier;
    private final ArticleFeatures features;
    private final ArticleScores scores;
    private final TrackedText tracked;
    private final String raw;
    private final int titleLength;
    private final Map<Integer, List<Word>> wordsByPassage = new HashMap<>();

    Explainer(Classifier classifier, ArticleFeatures features, ArticleScores scores, String title, String text) {
        if (features.tracked() == null || features.ngrams().occurrences() == null) {
            throw new IllegalArgumentException("the features were not extracted for explaining");
        }
        this.classifier = classifier;
        this.features = features;
        this.scores = scores;
        this.tracked = features.tracked();
        this.raw = FeatureExtractor.articleText(title, text);
        this.titleLength = title == null || title.isBlank() ? -1 : title.length();
    }

    /** The label with its evidence passages and terms. */
    Prediction.LabelScore explain(Prediction.LabelScore label, int index, float threshold) {
        List<Integer> best = bestPassages(index, threshold);
        List<Evidence> evidence = new ArrayList<>();
        Map<String, Float> terms = new LinkedHashMap<>();
        for (int p : best) {
            evidence.add(evidence(p, scores.passages()[p][index]));
            for (Word w : words(p, index)) {
                terms.merge(w.text, w.weight, Float::sum);
            }
        }
        List<TermWeight> top = terms.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TagOptions.MAX_TERMS)
                .map(e -> new TermWeight(e.getKey(), e.getValue()))
                .toList();
        return label.explained(evidence, top);
    }

    /** The passage with the highest score for the label, and up to two more that pass its threshold. */
    private List<Integer> bestPassages(int label, float threshold) {
        float[][] passageScores = scores.passages();
        Integer[] order = new Integer[passageScores.length];
        for (int p = 0; p < order.length; p++) {
            order[p] = p;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(p -> -passageScores[p][label]).thenComparingInt(p -> p));
        List<Integer> out = new ArrayList<>();
        for (int p : order) {
            if (out.isEmpty() || out.size() < TagOptions.MAX_EVIDENCE && passageScores[p][label] >= threshold) {
                out.add(p);
            }
        }
        return out;
    }

    private Evidence evidence(int p, float score) {
        Passages passages = features.ngrams().passages();
        int start = tracked.rawStart(passages.start(p));
        int end = tracked.rawEnd(raw, passages.end(p));
        if (titleLength >= 0 && start < titleLength) {
            end = Math.min(end, titleLength);
            return new Evidence(Evidence.TITLE, raw.substring(start, end), start, end, score);
        }
        int offset = titleLength >= 0 ? titleLength + 1 : 0;
        start = Math.max(start, offset);
        return new Evidence(Evidence.TEXT, raw.substring(start, end), start - offset, end - offset, score);
    }

    /** A word or phrase of a passage: its normalised text and what its n-grams add to a label's logit. */
    private record Word(int from, int to, String text, float weight) {
    }

    /** The words of passage {@code p}, each with its contribution to {@code label}. */
    private List<Word> words(int p, int label) {
        List<int[]> spans = wordsByPassage.computeIfAbsent(p, this::segment).stream().map(w -> new int[] {w.from, w.to}).toList();
        SparseVector x = features.passages()[p];
        float[] contributions = classifier.contributions(x, label);
        Map<Integer, Float> byId = new HashMap<>();
        for (int i = 0; i < x.size(); i++) {
            byId.put(x.ids()[i], contributions[i]);
        }
        NGramOccurrences occ = features.ngrams().occurrences();
        Passages passages = features.ngrams().passages();
        int from = passages.start(p);
        int to = passages.end(p);
        Map<Integer, Integer> occurrencesOfId = new HashMap<>();
        for (int i = 0; i < occ.size(); i++) {
            int id = features.keyIds()[occ.keyIndex()[i]];
            if (occ.from()[i] >= from && occ.from()[i] < to && id >= 0) {
                occurrencesOfId.merge(id, 1, Integer::sum);
            }
        }
        float[] weight = new float[spans.size()];
        for (int i = 0; i < occ.size(); i++) {
            int id = features.keyIds()[occ.keyIndex()[i]];
            if (occ.from()[i] < from || occ.from()[i] >= to || id < 0 || !byId.containsKey(id)) {
                continue;
            }
            float share = byId.get(id) / occurrencesOfId.get(id);
            int first = wordAt(spans, occ.from()[i]);
            int last = wordAt(spans, occ.to()[i] - 1);
            if (first < 0 || last < 0) {
                continue;
            }
            if (first == last) {
                weight[first] += share;
            } else {
                weight[first] += share / 2; // an n-gram across two words: half to each
                weight[last] += share / 2;
            }
        }
        List<Word> out = new ArrayList<>(spans.size());
        for (int w = 0; w < spans.size(); w++) {
            int[] s = spans.get(w);
            out.add(new Word(s[0], s[1], tracked.text().substring(s[0], s[1]), weight[w]));
        }
        return out;
    }

    private static int wordAt(List<int[]> spans, int offset) {
        int lo = 0;
        int hi = spans.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] s = spans.get(mid);
            if (offset < s[0]) {
                hi = mid - 1;
            } else if (offset >= s[1]) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Cuts passage {@code p} into words: syllables joined where their bigram is cohesive. */
    private List<Word> segment(int p) {
        NGramOccurrences occ = features.ngrams().occurrences();
        Passages passages = features.ngrams().passages();
        int from = passages.start(p);
        int to = passages.end(p);
        Vocabulary vocabulary = classifier.features().vocabulary();
        List<int[]> syllables = new ArrayList<>(); // {from, to, id}
        Map<Integer, Integer> bigramIdAt = new HashMap<>(); // start -> id of the accented bigram starting there
        Map<Integer, Integer> bigramEnd = new HashMap<>();
        for (int i = 0; i < occ.size(); i++) {
            if (occ.stripped()[i] || occ.from()[i] < from || occ.from()[i] >= to) {
                continue;
            }
            int id = features.keyIds()[occ.keyIndex()[i]];
            if (occ.n()[i] == 1) {
                syllables.add(new int[] {occ.from()[i], occ.to()[i], id});
            } else if (occ.n()[i] == 2) {
                bigramIdAt.put(occ.from()[i], id);
                bigramEnd.put(occ.from()[i], occ.to()[i]);
            }
        }
        syllables.sort(Comparator.comparingInt(s -> s[0]));
        int n = syllables.size();
        double[] cohesion = new double[Math.max(0, n - 1)]; // of syllables i and i + 1
        for (int i = 0; i + 1 < n; i++) {
            cohesion[i] = cohesion(syllables.get(i), syllables.get(i + 1), bigramIdAt, bigramEnd, vocabulary);
        }
        boolean[] joined = joinWords(cohesion);
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n - 1 && joined[j]) {
                j++;
            }
            words.add(new Word(syllables.get(i)[0], syllables.get(j)[1], null, 0));
            i = j + 1;
        }
        return words;
    }

    /** Bigram cohesion at or above which two syllables may form a word, strongest pairs first. */
    static final double PAIR_COHESION = 0.08;
    /** Cohesion at or above which a syllable also joins a neighbouring word ("hồ" + "chí minh"). */
    static final double CHAIN_COHESION = 0.3;
    static final int MAX_WORD_SYLLABLES = 4;

    /**
     * Which adjacent syllables form words, from the cohesion of each pair: pairs are taken strongest
     * first while both syllables are still alone (so "sơ kết công tác" becomes "sơ kết" + "công
     * tác": "kết công" is weak beside both), then a syllable left alone joins a neighbouring word
     * when their pair is strongly cohesive, up to four syllables.
     */
    static boolean[] joinWords(double[] cohesion) {
        int pairs = cohesion.length;
        boolean[] joined = new boolean[pairs];
        boolean[] inWord = new boolean[pairs + 1];
        Integer[] order = new Integer[pairs];
        for (int i = 0; i < pairs; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -cohesion[i]).thenComparingInt(i -> i));
        for (int i : order) {
            if (cohesion[i] >= PAIR_COHESION && !inWord[i] && !inWord[i + 1]) {
                joined[i] = true;
                inWord[i] = true;
                inWord[i + 1] = true;
            }
        }
        for (int i : order) {
            if (cohesion[i] >= CHAIN_COHESION && !joined[i] && inWord[i] != inWord[i + 1]) {
                joined[i] = true;
                if (wordLength(joined, i) > MAX_WORD_SYLLABLES) {
                    joined[i] = false;
                } else {
                    inWord[i] = true;
                    inWord[i + 1] = true;
                }
            }
        }
        return joined;
    }

    private static int wordLength(boolean[] joined, int pair) {
        int from = pair;
        while (from > 0 && joined[from - 1]) {
            from--;
        }
        int to = pair;
        while (to + 1 < joined.length && joined[to + 1]) {
            to++;
        }
        return to - from + 2;
    }

    /**
     * How strongly syllables {@code a} and {@code b} hold together: the document frequency of their
     * bigram over that of the rarer syllable (0 when they are not adjacent in one segment or either
     * is outside the vocabulary: too frequent, or too rare, to tell).
     */
    static double cohesion(int[] a, int[] b, Map<Integer, Integer> bigramIdAt, Map<Integer, Integer> bigramEnd, Vocabulary vocabulary) {
        Integer end = bigramEnd.get(a[0]);
        if (end == null || end != b[1]) {
            return 0;
        }
        int ab = bigramIdAt.get(a[0]);
        if (ab < 0 || a[2] < 0 || b[2] < 0) {
            return 0;
        }
        double rarer = Math.max(vocabulary.idf(a[2]), vocabulary.idf(b[2]));
        return Math.exp(rarer - vocabulary.idf(ab));
    }
}
