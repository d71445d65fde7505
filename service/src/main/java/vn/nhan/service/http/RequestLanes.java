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
 * Two lanes for requests, each with its own bound on the requests being handled at once: health
 * and metrics in a small priority lane, everything else in the API lane. The two bounds together
 * stay below the thread pool, so however many API requests are reading slow bodies or waiting for
 * a worker, a health check always finds a thread. A request finding its lane full gets 503 with
 * {@code Retry-After} at once, before its body is read.
 */
final class RequestLanes implements Filter {
    private final Semaphore api;
    private final Semaphore priority;
    private final int apiSize;
    private final AtomicLong shed = new AtomicLong();

    RequestLanes(int apiLane, int priorityLane) {
        this.api = new Semaphore(apiLane);
        this.priority = new Semaphore(priorityLane);
        this.apiSize = apiLane;
    }

    static boolean isPriority(String path) {
        return path != null && (path.startsWith("/health/") || path.equals("/metrics"));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        Semaphore lane = isPriority(((HttpServletRequest) request).getRequestURI()) ? priority : api;
        if (!lane.tryAcquire()) {
            shed.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("Retry-After", "1");
            ErrorJson.write(http, 503, "overloaded", "the service is handling as many requests as it can; retry shortly");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            lane.release();
        }
    }

    /** API requests being handled now. */
    int apiInFlight() {
        return apiSize - api.availablePermits();
    }

    /** Requests refused because their lane was full, since start. */
    long shed() {
        return shed.get();
    }
}
