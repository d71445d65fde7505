package vn.nhan.spark;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.nhan.bundle.BundleException;

/** {@code nhan-spark}: Nhãn's batch jobs on Apache Spark, {@code classify} and {@code evaluate}. */
@Command(name = "nhan-spark", mixinStandardHelpOptions = true,
        description = "Nhãn on Apache Spark: scores whole archives with a model bundle.")
public final class NhanSpark implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: classify or evaluate");
    }

    /** Runs {@code nhan-spark <command> ...} and returns the exit code: 0 done, 1 failed, 2 bad arguments. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new NhanSpark()).addSubcommand(new SparkClassify()).addSubcommand(new SparkEvaluate());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            err.println("nhan-spark: " + message(e));
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }

    /** The one line that says what went wrong: the bad article or file if that was it, else the first line of the error. */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidArticleException || t instanceof BundleException) {
                return t.getMessage();
            }
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
