package vn.nhan.service.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;

/**
 * Caps the connections open from one client address: a connection over the cap is closed as soon
 * as it opens, so one client cannot hold all of the server's connections.
 */
final class ClientConnectionLimit implements Connection.Listener {
    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** The client of each open connection, kept because a closed channel no longer knows its remote address. */
    private final ConcurrentHashMap<Connection, InetAddress> clients = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    ClientConnectionLimit(int max) {
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = client(connection);
        if (client == null) {
            return;
        }
        clients.put(connection, client);
        if (open.merge(client, 1, Integer::sum) > max) {
            refused.incrementAndGet();
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress client = clients.remove(connection);
        if (client != null) {
            open.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Connections closed at once because their client already had the maximum open. */
    long refused() {
        return refused.get();
    }

    private static InetAddress client(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
