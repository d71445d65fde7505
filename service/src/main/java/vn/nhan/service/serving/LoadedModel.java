package vn.nhan.service.serving;

import java.nio.file.Path;
import java.time.Instant;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.model.Classifier;
import vn.nhan.model.Tagger;

/** A bundle loaded and ready to serve, with when it was loaded and the tagger over its classifier. */
public record LoadedModel(ModelBundle bundle, Instant loadedAt, Tagger tagger) {
    public LoadedModel(ModelBundle bundle, Instant loadedAt) {
        this(bundle, loadedAt, new Tagger(bundle.classifier()));
    }

    public Classifier classifier() {
        return bundle.classifier();
    }

    public String id() {
        return bundle.id();
    }

    public String version() {
        return bundle.version();
    }

    public Path path() {
        return bundle.path();
    }
}
