package vn.nhan.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.*;
import java.util.*;
import org.junit.jupiter.api.Test;
import vn.nhan.data.*;

class ScratchSmokeTest {
    @Test
    void smoke() throws Exception {
        ObjectMapper m = new ObjectMapper();
        List<Document> docs = new ArrayList<>();
        try (var s = Files.newDirectoryStream(Path.of("../data/corpus"), "*.jsonl")) {
            for (Path p : s) for (String line : Files.readAllLines(p)) {
                if (line.isBlank()) continue;
                JsonNode n = m.readTree(line);
                List<String> labels = new ArrayList<>();
                n.get("labels").forEach(x -> labels.add(x.asText()));
                docs.add(new Document(n.get("id").asText(), n.path("title").asText(null), n.get("text").asText(), labels));
            }
        }
        Taxonomy tax = Taxonomy.read(Path.of("../data/taxonomy.json"));
        ProgressListener p = new ProgressListener() {
            public void step(String s, int d, int t) { }
            public void message(String t) { System.err.println(t); }
        };
        long t0 = System.nanoTime();
        TrainingResult r = new ClassifierTrainer(TrainingConfig.defaults().withMinExamples(1).withNeural(new NeuralConfig(64, Double.parseDouble(System.getenv().getOrDefault("TLR","0.5")), Double.parseDouble(System.getenv().getOrDefault("HLR","0.01")), Integer.parseInt(System.getenv().getOrDefault("BS","32")), 30, 3, 0.1)), p).train(docs, tax);
        System.err.println("docs " + docs.size() + " took " + (System.nanoTime() - t0) / 1e9);
        r.crossValidation().forEach((k, v) -> System.err.println(k + " microF1=" + v.microF1() + " macroF1=" + v.macroF1()));
    }
}
