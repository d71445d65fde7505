package vn.nhan.service;

import java.nio.file.Path;
import java.time.Duration;
import vn.nhan.feedback.StoreLimits;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import vn.nhan.registry.ModelRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nhan serve}: the service's command line; every option is also an environment variable.
 * {@code bin/nhan} runs it as a subcommand of the training CLI ({@code vn.nhan.cli.NhanCli} finds it
 * by name when the service is on the class path), which gives it a registry preparer: training the
 * default model into an empty registry before it is served.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves predictions over HTTP from a model bundle, or from a registry's current model (hot-reloaded when it changes)."})
public final class ServeCommand implements Callable<Integer> {
    /** Called with the registry directory and the feedback store's URL (or null) before a registry is served. */
    private final BiConsumer<Path, String> prepareRegistry;

    /** The command alone: an empty registry is refused at start-up. */
    public ServeCommand() {
        this((registry, feedbackUrl) -> { });
    }

    /** The command with {@code prepareRegistry} run before a registry is served (see the class comment). */
    public ServeCommand(BiConsumer<Path, String> prepareRegistry) {
        this.prepareRegistry = prepareRegistry;
    }

    @Option(names = "--model", defaultValue = "${env:NHAN_MODEL}", description = "Model bundle directory ($NHAN_MODEL).")
    Path model;

    @Option(names = "--registry", defaultValue = "${env:NHAN_REGISTRY}", description = "Model registry directory ($NHAN_REGISTRY; default " + ModelRegistry.DEFAULT_DIRECTORY + ").")
    Path registry;

    @Option(names = "--host", defaultValue = "${env:NHAN_HOST:-" + ServiceConfig.DEFAULT_HOST + "}", description = "Address to listen on ($NHAN_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "${env:NHAN_PORT:-" + ServiceConfig.DEFAULT_PORT + "}", description = "Port ($NHAN_PORT, default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--max-batch", defaultValue = "${env:NHAN_MAX_BATCH:-" + ServiceConfig.DEFAULT_MAX_BATCH + "}", description = "Most documents in one batch request ($NHAN_MAX_BATCH, default ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--max-body", defaultValue = "${env:NHAN_MAX_BODY:-" + ServiceConfig.DEFAULT_MAX_BODY + "}", description = "Largest request body in bytes ($NHAN_MAX_BODY, default ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--registry-poll", defaultValue = "${env:NHAN_REGISTRY_POLL:-" + ServiceConfig.DEFAULT_REGISTRY_POLL_SECONDS + "}", description = "Seconds between checks of the registry's current model ($NHAN_REGISTRY_POLL, default ${DEFAULT-VALUE}).")
    int registryPoll;

    @Option(names = "--feedback-url", defaultValue = "${env:NHAN_FEEDBACK_URL}", description = "JDBC URL of the feedback store ($NHAN_FEEDBACK_URL; default SQLite REGISTRY/feedback.db).")
    String feedbackUrl;

    @Option(names = "--shutdown-grace", defaultValue = "${env:NHAN_SHUTDOWN_GRACE:-" + ServiceConfig.DEFAULT_SHUTDOWN_GRACE_SECONDS + "}", description = "Seconds in-flight requests get to finish on SIGTERM (default ${DEFAULT-VALUE}).")
    int shutdownGrace;

    @Option(names = "--review-keep", defaultValue = "${env:NHAN_REVIEW_KEEP:-" + EditorsConfig.DEFAULT_REVIEW_KEEP + "}", description = "Recently classified articles kept for the review queue ($NHAN_REVIEW_KEEP, default ${DEFAULT-VALUE}).")
    int reviewKeep;

    @Option(names = "--review-days", defaultValue = "${env:NHAN_REVIEW_DAYS:-" + EditorsConfig.DEFAULT_REVIEW_DAYS + "}", description = "Days an article stays in the review queue ($NHAN_REVIEW_DAYS, default ${DEFAULT-VALUE}).")
    int reviewDays;

    @Override
    public Integer call() throws Exception {
        if (model != null && registry != null) {
            throw new IllegalArgumentException("give --model or --registry, not both");
        }
        Path registryDir = model == null && registry == null ? Path.of(ModelRegistry.DEFAULT_DIRECTORY) : model == null ? registry : null;
        if (registryDir != null) {
            prepareRegistry.accept(registryDir, feedbackUrl);
        }
        ServiceConfig config = new ServiceConfig(host, port, model, registryDir, System.getenv("NHAN_ADMIN_TOKEN"), maxBatch, maxBody,
                Duration.ofSeconds(Math.max(1, registryPoll)), Duration.ofSeconds(Math.max(0, shutdownGrace)), feedbackUrl,
                ServiceLimits.fromEnvironment(System.getenv()), StoreLimits.fromEnvironment(System.getenv()));
        EditorsConfig editors = EditorsConfig.defaults().withRequireKey(EditorsConfig.parseRequireKey(System.getenv("NHAN_REQUIRE_KEY")))
                .withReview(reviewKeep, Duration.ofDays(reviewDays));
        HttpService server = HttpService.start(config, editors);
        System.err.println("Nhãn is serving " + server.models().current().map(m -> m.id()).orElse("?") + " on http://" + host + ":" + server.port() + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.err.println("Nhãn stopped");
            Runtime.getRuntime().halt(0);
        }, "shutdown"));
        Thread.currentThread().join();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line of {@code nhan serve}: a failure prints "nhan serve: reason" and exits 1. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ServeCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("nhan serve: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli;
    }
}
