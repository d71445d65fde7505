package vn.nhan.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.nhan.data.Document;
import vn.nhan.data.Label;
import vn.nhan.data.Taxonomy;

/** The default corpus in data/: schema, labels, ids, duplicates, per-label minimums, lengths. */
class DefaultCorpusTest {
    private static final Path DATA = Path.of("..", "data");
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    static Taxonomy taxonomy;
    static List<Document> train;
    static List<Document> test;

    @BeforeAll
    static void read() throws IOException {
        taxonomy = Taxonomy.read(DATA.resolve("taxonomy.json"));
        train = CorpusReader.read(DATA.resolve("corpus")).documents();
        test = CorpusReader.read(DATA.resolve("test")).documents();
    }

    static List<Document> all() {
        List<Document> all = new ArrayList<>(train);
        all.addAll(test);
        return all;
    }

    @Test
    void theTaxonomyHasTheFifteenDefaultLabels() {
        assertEquals(15, taxonomy.size());
        assertTrue(taxonomy.labels().stream().allMatch(l -> l.group().equals("event") || l.group().equals("theme")));
    }

    @Test
    void everyLabelIsInTheTaxonomy() throws CorpusException {
        CorpusReader.checkLabels(train, taxonomy);
        CorpusReader.checkLabels(test, taxonomy);
    }

    @Test
    void idsAreUniqueAcrossTrainingAndTest() {
        Set<String> ids = new HashSet<>();
        for (Document d : all()) {
            assertTrue(ids.add(d.id()), "duplicate id " + d.id() + " at " + d.source());
        }
    }

    @Test
    void thereAreEnoughArticlesOfEachKind() {
        assertTrue(all().size() >= 900, "articles: " + all().size());
        assertTrue(test.size() >= 200, "test articles: " + test.size());
        long ordinary = all().stream().filter(d -> d.id().startsWith("on")).count();
        assertTrue(ordinary >= 140, "ordinary news articles: " + ordinary);
        assertTrue(all().size() - ordinary >= 750, "domain articles: " + (all().size() - ordinary));
        double testShare = (double) test.size() / all().size();
        assertTrue(testShare > 0.17 && testShare < 0.23, "test share " + testShare);
    }

    @Test
    void everyLabelMeetsItsMinimums() {
        for (Label label : taxonomy.labels()) {
            int carrying = CorpusStats.carrying(all(), label.id());
            int main = CorpusStats.mainSubject(all(), label.id());
            int inTest = CorpusStats.carrying(test, label.id());
            assertTrue(carrying >= 45, label.id() + " is carried by " + carrying + " articles, want >= 45");
            assertTrue(main >= 15, label.id() + " is the main subject of " + main + " articles, want >= 15");
            assertTrue(inTest >= 10, label.id() + " has " + inTest + " test articles, want >= 10");
        }
    }

    @Test
    void articlesCarrySeveralLabelsAsRealOnesDo() {
        double mean = all().stream().filter(d -> !d.labels().isEmpty()).mapToInt(d -> d.labels().size()).average().orElse(0);
        assertTrue(mean >= 2.5, "mean labels per labelled article " + mean);
        assertTrue(all().stream().allMatch(d -> new HashSet<>(d.labels()).size() == d.labels().size()), "a label is repeated");
    }

    @Test
    void lengthsRangeFromBriefsToLongReportsAsTheRealStreamDoes() {
        List<Integer> lengths = new ArrayList<>();
        for (Document d : all()) {
            int words = words(d).size();
            assertTrue(words >= 80 && words <= 2500, d.id() + " has " + words + " words, want 80..2500");
            lengths.add(words);
        }
        lengths.sort(null);
        int median = lengths.get(lengths.size() / 2);
        assertTrue(median >= 450, "median length " + median + ", want at least 450");
        long longOnes = lengths.stream().filter(w -> w >= 1000).count();
        assertTrue(longOnes >= 150, "articles of 1,000-2,500 words: " + longOnes + ", want at least 150");
        long longInTest = test.stream().filter(d -> words(d).size() >= 1000).count();
        assertTrue(longInTest >= 30, "long articles in the test split: " + longInTest + ", want at least 30");
    }

    @Test
    void theSixHardestLabelsHaveMoreArticlesAsTheirMainSubject() {
        for (String label : List.of("ideology-defense", "training-course", "science-education", "public-opinion", "resolution-study",
                "review-conference")) {
            int main = CorpusStats.mainSubject(all(), label);
            assertTrue(main >= 40, label + " is the main subject of " + main + " articles, want >= 40");
        }
    }

    @Test
    void theCorpusHoldsUnaccentedNfdAndOtherToneVariants() {
        long nfd = all().stream().filter(d -> !Normalizer.isNormalized(d.text(), Normalizer.Form.NFC)).count();
        long unaccented = all().stream().filter(d -> d.text().chars().noneMatch(c -> c > 0x7F && Character.isLetter(c))).count();
        assertTrue(nfd >= 10, "NFD articles: " + nfd);
        assertTrue(unaccented >= 10, "unaccented articles: " + unaccented);
    }

    @Test
    void noTwoArticlesShareManyEightWordRuns() {
        List<Document> docs = all();
        Map<String, Integer> owner = new HashMap<>();
        Map<Long, Integer> shared = new HashMap<>();
        int[] sizes = new int[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            Set<String> shingles = shingles(words(docs.get(i)), 8);
            sizes[i] = shingles.size();
            for (String s : shingles) {
                Integer j = owner.putIfAbsent(s, i);
                if (j != null && j != i) {
                    shared.merge(((long) j << 32) | i, 1, Integer::sum);
                }
            }
        }
        shared.forEach((pair, count) -> {
            int a = (int) (pair >>> 32);
            int b = (int) (long) pair;
            assertTrue(count <= 0.15 * Math.min(sizes[a], sizes[b]),
                    docs.get(a).id() + " and " + docs.get(b).id() + " share " + count + " 8-word runs");
        });
    }

    @Test
    void theCountsInDataReadmeMatchTheData() throws IOException {
        String readme = Files.readString(DATA.resolve("README.md"));
        Matcher m = Pattern.compile("<!-- stats:begin -->\n(.*?)<!-- stats:end -->", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "data/README.md has no stats markers");
        assertEquals(CorpusStats.markdown(taxonomy, train, test), m.group(1),
                "regenerate the table with: bin/nhan stats --corpus data/corpus --test data/test");
    }

    private static List<String> words(Document d) {
        String text = Normalizer.normalize((d.title() == null ? "" : d.title() + " ") + d.text(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static Set<String> shingles(List<String> words, int n) {
        Set<String> set = new HashSet<>();
        for (int i = 0; i + n <= words.size(); i++) {
            set.add(String.join(" ", words.subList(i, i + n)));
        }
        return set;
    }
}
