package vn.nhan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.corpus.CorpusStats;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;

/** {@code nhan stats}: per-label counts of a corpus and its test split, as Markdown. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Prints per-label counts of a labelled corpus (and its test split) as a Markdown table; data/README.md embeds it.")
final class StatsCommand implements Callable<Integer> {
    @Option(names = "--corpus", required = true, description = "Training corpus: a file or a directory.")
    Path corpus;

    @Option(names = "--test", description = "Test split: a file or a directory.")
    Path test;

    @Option(names = "--taxonomy", description = "Taxonomy JSON (default: $NHAN_TAXONOMY, else data/taxonomy.json).")
    Path taxonomy;

    @Override
    public Integer call() throws Exception {
        Taxonomy labels = Taxonomy.read(taxonomy != null ? taxonomy : Defaults.taxonomyPath());
        List<Document> train = CorpusReader.read(corpus).documents();
        List<Document> held = test == null ? List.of() : CorpusReader.read(test).documents();
        CorpusReader.checkLabels(train, labels);
        CorpusReader.checkLabels(held, labels);
        System.out.print(CorpusStats.markdown(labels, train, held));
        return 0;
    }
}
