package vn.nhan.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import vn.nhan.bundle.Libraries;
import picocli.CommandLine.Command;

/** The {@code nhan} command line: train, evaluate and classify offline. */
@Command(name = "nhan", mixinStandardHelpOptions = true, versionProvider = NhanCli.Version.class,
        description = "Nhãn: multi-label topic classifier for Vietnamese news.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, ClassifyCommand.class, StatsCommand.class, BenchmarkCommand.class, BootstrapCommand.class, RetrainCommand.class, ModelsCommand.class, KeysCommand.class, CommandLine.HelpCommand.class})
public final class NhanCli implements Runnable {
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

    /** Runs the CLI and returns its exit code (0 ok, 1 failed, 2 usage error). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new NhanCli());
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
