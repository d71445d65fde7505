package vn.nhan.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** HTTP over a plain socket, for what a well-behaved client will not send: slow bodies, huge lines, garbage. */
final class RawHttp {
    private RawHttp() {
    }

    /** A connection to the server at {@code port} on 127.0.0.1, from the loopback address {@code from} (127.0.0.2, ...). */
    static Socket connect(String from, int port) {
        try {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    /** A response: status, headers (lower-case names) and body. */
    record Response(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** Reads one response (by Content-Length, or to the end of the stream), waiting at most {@code timeout}. */
    static Response read(Socket s, Duration timeout) throws IOException {
        s.setSoTimeout((int) timeout.toMillis());
        InputStream in = s.getInputStream();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        int length = -1;
        while (System.nanoTime() < deadline) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            bytes.write(buffer, 0, n);
            String sofar = bytes.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = sofar.indexOf("\r\n\r\n")) >= 0) {
                Response head = new Response(0, sofar.substring(0, headEnd), "");
                String cl = head.header("Content-Length");
                length = cl == null ? -1 : Integer.parseInt(cl);
            }
            if (headEnd >= 0 && length >= 0 && bytes.size() >= headEnd + 4 + length) {
                break;
            }
        }
        String all = bytes.toString(StandardCharsets.UTF_8);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response head within " + timeout.toMillis() + " ms: '" + all + "'");
        }
        String head = all.substring(0, end);
        return new Response(Integer.parseInt(head.split(" ")[1]), head, all.substring(end + 4));
    }

    /** True when the server has closed {@code s}: a read ends the stream within {@code wait}. */
    static boolean closedByServer(Socket s, Duration wait) throws IOException {
        s.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }
}
