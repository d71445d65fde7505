package vn.nhan.feedback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for tests: the real server binary (Debian's {@code postgresql}
 * package, 15 or later), a data directory in a temporary directory, a free loopback port, run as
 * the {@code postgres} user when the tests run as root (initdb refuses root). When the binaries
 * are absent the tests that need it are skipped with the reason, unless
 * {@code NHAN_REQUIRE_POSTGRES=1} (CI, after installing the package), where absence fails.
 */
public final class PostgresServer implements AutoCloseable {
    private static final int MIN_VERSION = 15;
    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Why the tests that need a server are skipped here. */
    public static final String MISSING = "PostgreSQL " + MIN_VERSION + "+ server binaries not found (looked in /usr/lib/postgresql/*/bin "
            + "and $NHAN_PG_BIN); install Debian's postgresql package to run this test";

    /**
     * Starts a server with a database {@code nhan} owned by user {@code nhan}; null when the
     * binaries are absent (then each test calls {@link #assume}, so it is reported skipped with the
     * reason), except under {@code NHAN_REQUIRE_POSTGRES=1}, where absence fails.
     */
    public static PostgresServer startIfInstalled() throws IOException {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            if ("1".equals(System.getenv("NHAN_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(MISSING + " (NHAN_REQUIRE_POSTGRES=1 requires it)");
            }
            System.err.println("SKIPPED: " + MISSING);
            return null;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("nhan-pg-");
        if (root) {
            giveToPostgres(dir);
        }
        PostgresServer server = new PostgresServer(bin.get(), dir, freePort(), root);
        try {
            server.run(List.of("initdb", "-D", server.data.toString(), "-A", "trust", "-U", "nhan", "-E", "UTF8", "--locale=C", "--no-sync"));
            server.start();
            try (Connection c = DriverManager.getConnection(server.url("postgres")); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE nhan");
            }
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            server.close();
            throw new IOException("cannot start a throwaway PostgreSQL in " + dir + ": " + e.getMessage() + "\n" + server.log(), e);
        }
    }

    /** Skips the calling test, with the reason, when there is no server. */
    public static void assume(PostgresServer server) {
        Assumptions.assumeTrue(server != null, MISSING);
    }

    /** The JDBC URL of the database {@code nhan}. */
    public String url() {
        return url("nhan");
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=nhan";
    }

    public int port() {
        return port;
    }

    /** Starts (or starts again) the server on its port, waiting until it accepts connections. */
    public void start() throws IOException {
        run(List.of("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-l", dir.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"));
    }

    /** Kills the server as a crash would ({@code pg_ctl -m immediate}): no checkpoint, connections cut. */
    public void stopImmediately() throws IOException {
        run(List.of("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "60", "stop"));
    }

    /** Stops the server and removes its directory. */
    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(List.of("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
            }
        } catch (IOException e) {
            System.err.println("stopping the throwaway PostgreSQL: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("removing " + dir + ": " + e.getMessage());
        }
    }

    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.add(bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        Path out = Files.createTempFile("nhan-pg-command", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish in 90 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " exited with " + p.exitValue() + ": " + Files.readString(out, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private String log() {
        try {
            Path log = dir.resolve("server.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The newest server binaries of version 15 or later: $NHAN_PG_BIN, else /usr/lib/postgresql/N/bin. */
    static Optional<Path> binaries() {
        String env = System.getenv("NHAN_PG_BIN");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(p -> Files.isExecutable(p.resolve("initdb")));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+") && Integer.parseInt(p.getFileName().toString()) >= MIN_VERSION)
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void giveToPostgres(Path dir) throws IOException {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName("postgres"));
        GroupPrincipal group = users.lookupPrincipalByGroupName("postgres");
        view.setGroup(group);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
