package vn.nhan.features;

/**
 * Document frequencies of n-gram keys, counted one document at a time (not thread-safe): what a
 * {@link VocabularyBuilder} needs, without keeping the documents' n-grams.
 */
public final class DocumentFrequencies {
    private final LongIntMap df = new LongIntMap(1 << 16);
    private int documents;

    /** Counts each distinct key of one document once. */
    public void add(NGramCounts document) {
        for (long key : document.keys()) {
            df.add(key, 1);
        }
        documents++;
    }

    /** How many documents were added. */
    public int documents() {
        return documents;
    }

    /** How many distinct keys were seen. */
    public int keys() {
        return df.size();
    }

    LongIntMap map() {
        return df;
    }
}
