package vn.nhan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.bundle.TrainingData;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.model.ClassifierTrainer;
import vn.nhan.model.ProgressListener;
import vn.nhan.model.TrainingConfig;
import vn.nhan.model.TrainingResult;

/** A model trained once per test JVM on the default corpus (about 5 s), saved as bundles on demand. */
public final class TestModels {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TrainingResult result;
    private static List<Document> documents;

    private TestModels() {
    }

    /** Saves the shared trained model as a new bundle (a new version each call) at {@code dir}. */
    public static synchronized ModelBundle save(Path dir) {
        try {
            if (result == null) {
                Path data = Path.of("..", "data");
                documents = read(data.resolve("corpus"));
                result = new ClassifierTrainer(TrainingConfig.defaults().withFolds(3), ProgressListener.SILENT)
                        .train(documents, Taxonomy.read(data.resolve("taxonomy.json")));
            }
            return ModelBundle.save(result, TrainingConfig.defaults().withFolds(3), TrainingData.of(documents, List.of("data/corpus")), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSONL files of a directory, read with Jackson (the service does not use training code). */
    static List<Document> read(Path dir) throws IOException {
        List<Document> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    JsonNode n = JSON.readTree(line);
                    List<String> labels = new ArrayList<>();
                    n.get("labels").forEach(l -> labels.add(l.asText()));
                    docs.add(new Document(n.get("id").asText(), n.path("title").asText(null), n.get("text").asText(), labels));
                }
            }
        }
        return docs;
    }
}
