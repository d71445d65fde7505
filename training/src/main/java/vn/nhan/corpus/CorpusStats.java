package vn.nhan.corpus;

import java.util.List;
import vn.nhan.data.Document;
import vn.nhan.data.Label;
import vn.nhan.data.Taxonomy;

/** Counts of a labelled corpus and its test split, per label, as a Markdown table. */
public final class CorpusStats {
    private CorpusStats() {
    }

    /** Articles carrying each label, articles where it is the main (first) label, per split. */
    public static String markdown(Taxonomy taxonomy, List<Document> train, List<Document> test) {
        StringBuilder b = new StringBuilder();
        b.append("| label | name | training | test | total | main subject |\n");
        b.append("|---|---|---:|---:|---:|---:|\n");
        for (Label label : taxonomy.labels()) {
            int trainCount = carrying(train, label.id());
            int testCount = carrying(test, label.id());
            int main = mainSubject(train, label.id()) + mainSubject(test, label.id());
            b.append("| ").append(label.id()).append(" | ").append(label.name()).append(" | ").append(trainCount).append(" | ")
                    .append(testCount).append(" | ").append(trainCount + testCount).append(" | ").append(main).append(" |\n");
        }
        int unlabelledTrain = unlabelled(train);
        int unlabelledTest = unlabelled(test);
        b.append("| (no label) | ordinary news | ").append(unlabelledTrain).append(" | ").append(unlabelledTest).append(" | ")
                .append(unlabelledTrain + unlabelledTest).append(" | |\n");
        b.append("| **articles** | | ").append(train.size()).append(" | ").append(test.size()).append(" | ")
                .append(train.size() + test.size()).append(" | |\n");
        return b.toString();
    }

    public static int carrying(List<Document> docs, String label) {
        return (int) docs.stream().filter(d -> d.labels().contains(label)).count();
    }

    public static int mainSubject(List<Document> docs, String label) {
        return (int) docs.stream().filter(d -> !d.labels().isEmpty() && d.labels().get(0).equals(label)).count();
    }

    private static int unlabelled(List<Document> docs) {
        return (int) docs.stream().filter(d -> d.labels().isEmpty()).count();
    }
}
