package vn.nhan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.data.Document;
import vn.nhan.features.FeatureExtractor;
import vn.nhan.model.Classifier;
import vn.nhan.model.TagOptions;
import vn.nhan.model.Tagger;

/**
 * {@code nhan benchmark}: in-process classification speed of a bundle on this machine — batch
 * throughput (documents per second, all cores), with passages and with whole articles alone in
 * alternate rounds of the same run, and single-document latency percentiles — on articles of a
 * fixed length assembled from an input corpus.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measures in-process classification throughput (batch) and single-document latency on articles of --words words.")
final class BenchmarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model bundle directory.")
    Path model;

    @Option(names = "--input", required = true, description = "Corpus whose texts are cut into benchmark articles.")
    Path input;

    @Option(names = "--words", defaultValue = "700",
            description = "Words per benchmark article (default ${DEFAULT-VALUE}); 0 takes the input's documents as they are, title and text.")
    int words;

    @Option(names = "--documents", defaultValue = "5000",
            description = "Articles per batch round (default ${DEFAULT-VALUE}); with --words 0, the input's documents in turn, from the first again when they run out.")
    int documents;

    @Option(names = "--rounds", defaultValue = "10",
            description = "Batch rounds (default ${DEFAULT-VALUE}); the first is warm-up, the figure is the median of the others (the JVM's collector makes single rounds vary).")
    int rounds;

    @Option(names = "--singles", defaultValue = "3000",
            description = "Single-document calls timed (default ${DEFAULT-VALUE}), after up to 1,000 untimed ones.")
    int singles;

    @Override
    public Integer call() throws Exception {
        Classifier classifier = ModelArgument.load(model).classifier();
        if (words < 0 || documents < 1 || rounds < 1 || singles < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--words must be >= 0 and --documents, --rounds and --singles >= 1, got " + words + ", " + documents + ", " + rounds + ", " + singles);
        }
        List<Document> docs = CorpusReader.read(input, false).documents();
        List<String> articles = words == 0 ? asTheyAre(docs) : articles(docs);
        System.out.printf("model %s (%s), %d articles of %s words, %d cores%n", model, classifier.type().id(), articles.size(),
                words == 0 ? String.format("%.0f", articles.stream().mapToInt(a -> a.split("\\s+").length).average().orElse(0)) + " (mean)" : words,
                Runtime.getRuntime().availableProcessors());
        Tagger tagger = new Tagger(classifier);
        List<Document> batch = articles.stream().map(t -> new Document("b", null, t, List.of())).toList();
        TagOptions withPassages = TagOptions.defaults();
        TagOptions wholeOnly = TagOptions.defaults().withPassages(false);
        double[] passageRates = new double[rounds];
        double[] wholeRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            passageRates[r] = rate(tagger, batch, withPassages);
            wholeRates[r] = rate(tagger, batch, wholeOnly);
            System.out.printf("batch round %d: %.0f documents/s with passages, %.0f whole articles only%s%n", r + 1,
                    passageRates[r], wholeRates[r], r == 0 ? " (warm-up)" : "");
        }
        double passageMedian = median(passageRates);
        double wholeMedian = median(wholeRates);
        for (int i = 0; i < Math.min(singles, 1000); i++) {
            tagger.tag(null, articles.get(i % articles.size()), withPassages); // warm-up of the single-call path
        }
        long[] latencies = new long[singles];
        long total = 0;
        for (int i = 0; i < singles; i++) {
            String text = articles.get(i % articles.size());
            long start = System.nanoTime();
            tagger.tag(null, text, withPassages);
            latencies[i] = System.nanoTime() - start;
            total += latencies[i];
        }
        Arrays.sort(latencies);
        System.out.printf("batch throughput with passages: median %.0f documents/s%s%n", passageMedian,
                classifier.passages().weight() == 0 ? " (this model's passage weight is 0: passages are not scored)" : "");
        System.out.printf("batch throughput, whole articles only: median %.0f documents/s%n", wholeMedian);
        System.out.printf("passages keep %.0f%% of the whole-article throughput%n", 100 * passageMedian / wholeMedian);
        System.out.printf("single document latency: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms (one thread, after %d calls)%n",
                percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99), singles);
        System.out.printf("one-thread throughput: %.0f documents/s (single calls, one after another)%n", singles / (total / 1e9));
        return 0;
    }

    /** The documents themselves, title and text as the classifier joins them, repeated up to {@code documents}. */
    private List<String> asTheyAre(List<Document> docs) {
        List<String> out = new ArrayList<>(documents);
        for (int i = 0; out.size() < documents; i++) {
            Document d = docs.get(i % docs.size());
            out.add(FeatureExtractor.articleText(d.title(), d.text()));
        }
        return out;
    }

    private List<String> articles(List<Document> docs) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int count = 0;
        for (int i = 0; out.size() < documents; i = (i + 1) % docs.size()) {
            for (String word : docs.get(i).text().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                current.append(word).append(' ');
                if (++count == words) {
                    out.add(current.toString());
                    current.setLength(0);
                    count = 0;
                    if (out.size() == documents) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static double rate(Tagger tagger, List<Document> batch, TagOptions options) {
        long start = System.nanoTime();
        int n = tagger.tagAll(batch, options).size();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** The median of the rounds after the first (warm-up), or of the only one. */
    private static double median(double[] rates) {
        double[] measured = Arrays.copyOfRange(rates, Math.min(1, rates.length - 1), rates.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private static double percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }
}
