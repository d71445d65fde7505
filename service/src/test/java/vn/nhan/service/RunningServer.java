package vn.nhan.service;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** For test classes that share one server on a random port, serving the test model as a bundle. */
abstract class RunningServer {
    @TempDir
    static Path dir;
    static HttpService server;
    static Http http;

    @BeforeAll
    static void startServer() throws Exception {
        server = HttpService.start(ServiceConfig.forBundle(TestModels.save(dir.resolve("model")).path()));
        http = new Http(server.port());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
