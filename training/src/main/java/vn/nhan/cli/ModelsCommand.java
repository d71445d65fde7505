package vn.nhan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.nhan.bundle.BundleManifest;
import vn.nhan.bundle.Headline;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.registry.ModelRegistry;
import vn.nhan.registry.RetrainLock;

/** {@code nhan models}: list, promote, roll back and prune the registry's versions. */
@Command(name = "models", mixinStandardHelpOptions = true, description = {"Manages the model registry's versions. promote, rollback and prune take",
        "the registry's job lock (as retrain does): exit code " + RetrainCommand.LOCKED + " when another job holds it."},
        subcommands = {ModelsCommand.ListVersions.class, ModelsCommand.Promote.class, ModelsCommand.Rollback.class, ModelsCommand.Prune.class})
final class ModelsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The registry option every subcommand shares. */
    static class RegistryOption {
        @Option(names = "--registry", defaultValue = "${env:NHAN_REGISTRY:-" + ModelRegistry.DEFAULT_DIRECTORY + "}", description = "Model registry directory (default: $NHAN_REGISTRY or " + ModelRegistry.DEFAULT_DIRECTORY + ").")
        Path registry;

        @Option(names = "--feedback-url", defaultValue = "${env:NHAN_FEEDBACK_URL}",
                description = "JDBC URL of the feedback store ($NHAN_FEEDBACK_URL): with PostgreSQL the job lock is its advisory lock.")
        String feedbackUrl;

        ModelRegistry open() throws java.io.IOException {
            return ModelRegistry.open(registry);
        }

        /** Runs a change of the registry under its job lock; exit code 4 when another job holds it. */
        int locked(String job, RegistryChange change) throws Exception {
            ModelRegistry models = open();
            try (RetrainLock lock = RetrainLock.acquire(models, job, feedbackUrl)) {
                change.run(models);
                return 0;
            } catch (RetrainLock.HeldException e) {
                System.err.println("nhan models " + job + ": " + e.getMessage());
                return RetrainCommand.LOCKED;
            }
        }
    }

    /** A change made while holding the lock. */
    interface RegistryChange {
        void run(ModelRegistry models) throws Exception;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the versions, marking the current one, with their cross-validated micro-F1.")
    static final class ListVersions extends RegistryOption implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            ModelRegistry models = open();
            Optional<String> current = models.currentVersion();
            for (String version : models.versions()) {
                String detail;
                try {
                    ModelBundle bundle = ModelBundle.load(models.bundlePath(version));
                    BundleManifest manifest = bundle.manifest();
                    Headline own = manifest.metrics().crossValidation().get(manifest.modelType());
                    detail = String.format("%-9s cv micro-F1 %s  %s", manifest.modelType(), own == null ? "  -  " : String.format("%.3f", own.microF1()),
                            manifest.created());
                } catch (java.io.IOException e) {
                    detail = "unusable: " + e.getMessage();
                }
                System.out.printf("%s %s  %s%n", current.filter(version::equals).isPresent() ? "*" : " ", version, detail);
            }
            return 0;
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true, description = "Makes VERSION the current model (after checking it loads).")
    static final class Promote extends RegistryOption implements Callable<Integer> {
        @Parameters(index = "0", description = "The version to serve.")
        String version;

        @Override
        public Integer call() throws Exception {
            return locked("promote", models -> {
                models.promote(version, "promoted by hand");
                System.out.println("current model: " + version);
            });
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, description = "Goes back to the model that was current before the current one.")
    static final class Rollback extends RegistryOption implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return locked("rollback", models -> System.out.println("current model: " + models.rollback("rolled back by hand")));
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Deletes the oldest versions, keeping N (never the current one or its predecessor).")
    static final class Prune extends RegistryOption implements Callable<Integer> {
        @Option(names = "--keep", required = true, description = "How many versions to keep.")
        int keep;

        @Override
        public Integer call() throws Exception {
            return locked("prune", models -> {
                List<String> deleted = models.prune(keep);
                System.out.println(deleted.isEmpty() ? "nothing to prune" : "deleted " + String.join(", ", deleted));
            });
        }
    }
}
