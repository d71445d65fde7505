package vn.nhan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import vn.nhan.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.nhan.feedback.ApiKey;
import vn.nhan.feedback.FeedbackStore;

/** {@code nhan keys}: API keys for editors and admins, kept (as salted hashes) in the feedback store. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manages the service's API keys (editor or admin).",
        subcommands = {KeysCommand.Add.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where the keys live: the feedback store of a registry, or a JDBC URL. */
    static class StoreOptions {
        @Option(names = "--registry", defaultValue = "${env:NHAN_REGISTRY:-" + ModelRegistry.DEFAULT_DIRECTORY + "}", description = "Model registry directory whose feedback.db holds the keys (default: $NHAN_REGISTRY or " + ModelRegistry.DEFAULT_DIRECTORY + ").")
        Path registry;

        @Option(names = "--feedback-url", defaultValue = "${env:NHAN_FEEDBACK_URL}", description = "JDBC URL of the feedback store ($NHAN_FEEDBACK_URL; default SQLite REGISTRY/feedback.db).")
        String feedbackUrl;

        FeedbackStore open() throws java.sql.SQLException {
            return FeedbackStore.open(feedbackUrl != null && !feedbackUrl.isBlank() ? feedbackUrl : FeedbackStore.sqliteUrl(registry));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Makes a key and prints it once (it is stored only as a salted hash).")
    static final class Add extends StoreOptions implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "Who holds the key (stored with every correction sent with it).")
        String name;

        @Option(names = "--role", required = true, description = "editor (sends corrections) or admin (also overrides base-corpus documents and reloads).")
        String role;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ApiKey.Role parsed;
            try {
                parsed = ApiKey.Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--role: " + e.getMessage());
            }
            try (FeedbackStore store = open()) {
                String key = store.keys().add(name, parsed);
                System.out.println(key);
                System.err.println("key '" + name + "' (" + parsed.id() + ") made; it is shown only this once: send it as 'Authorization: Bearer <key>'");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the keys: name, role, created, revoked (never the secrets).")
    static final class ListKeys extends StoreOptions implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            try (FeedbackStore store = open()) {
                for (ApiKey k : store.keys().list()) {
                    System.out.printf("%-24s %-7s created %s%s%n", k.name(), k.role().id(), k.created(), k.isRevoked() ? "  revoked " + k.revoked() : "");
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes the key NAME: requests with it get 403 from then on.")
    static final class Revoke extends StoreOptions implements Callable<Integer> {
        @Parameters(index = "0", description = "The key's name.")
        String name;

        @Override
        public Integer call() throws Exception {
            try (FeedbackStore store = open()) {
                if (!store.keys().revoke(name)) {
                    throw new IllegalArgumentException("there is no active key named '" + name + "' (see: bin/nhan keys list)");
                }
            }
            System.out.println("revoked " + name);
            return 0;
        }
    }
}
