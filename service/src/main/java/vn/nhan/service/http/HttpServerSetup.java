package vn.nhan.service.http;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import vn.nhan.service.ServiceLimits;

/**
 * Configures Jetty, through Javalin's config, to hold up under slow and greedy clients: a bounded
 * thread pool, one connector with a short idle timeout, a minimum request data rate, a cap on
 * connections in all and per client address, admission before bodies are read (the two request
 * lanes and the budget of large-body bytes), and JSON for errors Jetty
 * answers itself.
 */
public final class HttpServerSetup {
    private final ServiceLimits limits;
    private final RequestLanes lanes;
    private final ClientConnectionLimit perClient;
    private volatile ServerConnector connector;

    /** {@code maxBodyBytes}: the largest request body allowed, which a body of unknown length is counted as. */
    public HttpServerSetup(ServiceLimits limits, long maxBodyBytes) {
        this.limits = limits;
        this.lanes = new RequestLanes(limits.maxInFlight(), limits.healthLane(),
                new BodyBudget(limits.bodyBudget(), ServiceLimits.SMALL_BODY, maxBodyBytes));
        this.perClient = new ClientConnectionLimit(limits.maxConnectionsPerClient());
    }

    /** Applies the limits to {@code cfg}; the server will listen on {@code host:port}. */
    public void apply(JavalinConfig cfg, String host, int port) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()), 60_000);
        threads.setName("nhan-http");
        cfg.jetty.threadPool = threads;
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setMinRequestDataRate(limits.minRequestBytesPerSecond());
            http.setSendServerVersion(false);
        });
        cfg.jetty.addConnector((server, http) -> {
            ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
            c.setHost(host);
            c.setPort(port);
            c.setIdleTimeout(limits.idleTimeout().toMillis());
            c.addBean(perClient);
            server.addBean(new ConnectionLimit(limits.maxConnections(), c));
            connector = c;
            return c;
        });
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        cfg.jetty.modifyServletContextHandler(context -> {
            context.setErrorHandler(new JsonErrorHandler());
            context.addFilter(new FilterHolder(lanes), "/*", EnumSet.of(DispatcherType.REQUEST));
        });
    }

    /** Connections open now. */
    public int openConnections() {
        ServerConnector c = connector;
        return c == null ? 0 : c.getConnectedEndPoints().size();
    }

    /** Connections closed at once because their client had the maximum open, since start. */
    public long refusedConnections() {
        return perClient.refused();
    }

    /** API requests being handled now (reading, queued or working). */
    public int apiInFlight() {
        return lanes.apiInFlight();
    }

    /** Bytes of large request bodies being read or handled now. */
    public long bodyBytesInUse() {
        return lanes.bodyBytesInUse();
    }

    /** Requests refused with 503, unread, because their large body did not fit the budget, since start. */
    public long bodiesRefused() {
        return lanes.bodiesRefused();
    }

    /** Requests refused with 503 because their lane was full, since start. */
    public long shedRequests() {
        return lanes.shed();
    }
}
