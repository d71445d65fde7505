package vn.nhan.cli;

/** Public access to the in-process CLI runner for tests of other packages. */
public final class CliRunner {
    private CliRunner() {
    }

    /** Exit code and captured output of one CLI run. */
    public record Result(int exitCode, String out, String err) {
    }

    public static Result run(String... args) {
        CliRun run = CliRun.of(args);
        return new Result(run.exitCode(), run.out(), run.err());
    }
}
