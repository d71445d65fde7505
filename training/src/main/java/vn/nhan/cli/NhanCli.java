package vn.nhan.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import picocli.CommandLine;
import vn.nhan.bundle.Libraries;
import picocli.CommandLine.Command;

/**
 * The {@code nhan} command line: serve, train, evaluate and classify. {@code serve} lives in the
 * service module, which this module does not depend on (the service carries no DL4J, ND4J or
 * Smile): it is added by class name when the service is on the class path, as bin/nhan puts it for
 * {@code serve} and for the help.
 */
@Command(name = "nhan", mixinStandardHelpOptions = true, versionProvider = NhanCli.Version.class,
        description = "Nhãn: multi-label topic classifier for Vietnamese news.")
public final class NhanCli implements Runnable {
    /** The service's command, added as {@code serve} when it is on the class path. */
    static final String SERVE_COMMAND = "vn.nhan.service.ServeCommand";

    /** The subcommands after serve, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(TrainCommand.class, EvaluateCommand.class, ClassifyCommand.class, StatsCommand.class,
            BenchmarkCommand.class, BootstrapCommand.class, RetrainCommand.class, ModelsCommand.class, KeysCommand.class, CommandLine.HelpCommand.class);

    /** "Nhãn" and the version of this build, from the poms (see {@link Libraries}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Nhãn " + Libraries.nhanVersion()};
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print every detail of long runs (each neural epoch's losses).")
    void verbose(boolean on) {
        ConsoleProgress.verbose = on;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Every subcommand answers -V with the version of the whole command line. */
    private static void shareVersion(CommandLine command, CommandLine.IVersionProvider version) {
        for (CommandLine sub : command.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(version);
            shareVersion(sub, version);
        }
    }

    /** The service's {@code serve} command, preparing an empty registry with {@code bootstrap}; null without the service. */
    static Object serveCommand() {
        Class<?> serve;
        try {
            serve = Class.forName(SERVE_COMMAND);
        } catch (ClassNotFoundException e) {
            return null;
        }
        BiConsumer<Path, String> bootstrap = BootstrapCommand::beforeServing;
        try {
            return serve.getConstructor(BiConsumer.class).newInstance(bootstrap);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(SERVE_COMMAND + " on the class path cannot be made (" + e + "): is it from another build?", e);
        }
    }

    /** The whole command line; with the service on the class path, {@code serve} comes first. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new NhanCli());
        Object serve = serveCommand();
        if (serve != null) {
            cli.addSubcommand("serve", serve);
        }
        for (Class<?> command : COMMANDS) {
            cli.addSubcommand(command);
        }
        return cli;
    }

    /** Runs the CLI and returns its exit code (0 ok, 1 failed, 2 usage error). */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        shareVersion(cli, cli.getCommandSpec().versionProvider());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("nhan " + commandLine.getCommandName() + ": " + CliErrors.describe(e));
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }
}
