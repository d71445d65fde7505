package vn.nhan.service.model;

import java.nio.file.Path;
import java.time.Instant;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.model.Classifier;

/** A bundle loaded and ready to serve, with when it was loaded. */
public record LoadedModel(ModelBundle bundle, Instant loadedAt) {
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
