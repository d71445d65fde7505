package vn.nhan.service.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission, before a request's body is read. Two lanes, each with its own bound on the requests
 * being handled at once: health and metrics in a small priority lane, everything else in the API
 * lane. The two bounds together stay below the thread pool, so however many API requests are
 * reading slow bodies or waiting for a worker, a health check always finds a thread. An API request
 * with a large body must also find its declared size free in the {@link BodyBudget}. A request
 * refused either way gets 503 with {@code Retry-After} at once, its body unread.
 */
final class RequestLanes implements Filter {
    private final Semaphore api;
    private final Semaphore priority;
    private final int apiSize;
    private final BodyBudget bodies;
    private final AtomicLong shed = new AtomicLong();

    RequestLanes(int apiLane, int priorityLane, BodyBudget bodies) {
        this.api = new Semaphore(apiLane);
        this.priority = new Semaphore(priorityLane);
        this.apiSize = apiLane;
        this.bodies = bodies;
    }

    static boolean isPriority(String path) {
        return path != null && (path.startsWith("/health/") || path.equals("/metrics"));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        boolean isPriority = isPriority(http.getRequestURI());
        Semaphore lane = isPriority ? priority : api;
        if (!lane.tryAcquire()) {
            shed.incrementAndGet();
            refuse((HttpServletResponse) response, false, "the service is handling as many requests as it can; retry shortly");
            return;
        }
        try {
            int cost = isPriority ? 0 : bodies.cost(http.getContentLengthLong(), isChunked(http));
            if (!bodies.tryTake(cost)) {
                refuse((HttpServletResponse) response, true, "the service is reading as many large request bodies as it can ("
                        + bodies.total() + " bytes at once); retry shortly");
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                bodies.release(cost);
            }
        } finally {
            lane.release();
        }
    }

    private static boolean isChunked(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && !encoding.isBlank();
    }

    /** 503 with Retry-After; {@code close} when the body is left unread, so the client knows the connection ends. */
    private static void refuse(HttpServletResponse response, boolean close, String why) throws IOException {
        response.setHeader("Retry-After", "1");
        if (close) {
            response.setHeader("Connection", "close");
        }
        ErrorJson.write(response, 503, "overloaded", why);
    }

    /** API requests being handled now. */
    int apiInFlight() {
        return apiSize - api.availablePermits();
    }

    /** Bytes of large bodies being read or handled now. */
    long bodyBytesInUse() {
        return bodies.inUse();
    }

    /** Requests refused because their body did not fit the budget, since start. */
    long bodiesRefused() {
        return bodies.refused();
    }

    /** Requests refused because their lane was full, since start. */
    long shed() {
        return shed.get();
    }
}
