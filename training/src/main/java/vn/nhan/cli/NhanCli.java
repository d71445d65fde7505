package vn.nhan.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nhan} command line: train, evaluate and classify offline. */
@Command(name = "nhan", mixinStandardHelpOptions = true, version = "Nhãn 0.1.0",
        description = "Nhãn: multi-label topic classifier for Vietnamese news.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, ClassifyCommand.class, StatsCommand.class, BenchmarkCommand.class, BootstrapCommand.class, RetrainCommand.class, ModelsCommand.class, KeysCommand.class, CommandLine.HelpCommand.class})
public final class NhanCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (0 ok, 1 failed, 2 usage error). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new NhanCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("nhan " + commandLine.getCommandName() + ": " + CliErrors.describe(e));
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }
}
