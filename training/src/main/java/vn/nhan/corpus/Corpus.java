package vn.nhan.corpus;

import java.util.List;
import java.util.Optional;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;

/**
 * Documents read from one or more files, the files they came from, and the label set the corpus
 * brings itself (a folder-per-label corpus does; JSONL and CSV corpora use the taxonomy file).
 */
public record Corpus(List<Document> documents, List<String> sources, Optional<Taxonomy> ownTaxonomy) {
    public Corpus {
        documents = List.copyOf(documents);
        sources = List.copyOf(sources);
    }
}
