package vn.nhan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import vn.nhan.bundle.BundleException;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.registry.ModelRegistry;

/**
 * What {@code --model} names: a bundle directory, or a model registry, whose current model is
 * then used (said on standard error). A registry without a current model gets a sentence saying
 * how to make one, not a missing-checksum message.
 */
final class ModelArgument {
    private ModelArgument() {
    }

    static ModelBundle load(Path path) throws IOException {
        if (ModelRegistry.isRegistry(path)) {
            Optional<Path> current = ModelRegistry.open(path).currentBundle();
            if (current.isEmpty()) {
                throw new BundleException(path + " is a model registry with no current model; pass a bundle directory, "
                        + "or give the registry one with: bin/nhan bootstrap --registry " + path);
            }
            System.err.println("using the current model of registry " + path + ": " + current.get().getFileName());
            return ModelBundle.load(current.get());
        }
        return ModelBundle.load(path);
    }
}
