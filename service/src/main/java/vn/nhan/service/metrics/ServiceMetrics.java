package vn.nhan.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Prometheus metrics: request counts and latency histograms by method, route template and
 * status; the model being served; documents classified.
 */
public final class ServiceMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter documents = Counter.builder("nhan_documents_classified")
            .description("Documents classified").register(registry);
    private final List<Object> sources = new CopyOnWriteArrayList<>();
    private final MultiGauge model = MultiGauge.builder("nhan_model_loaded")
            .description("The model being served (value 1)").register(registry);

    /** Records one finished request. */
    public void request(String method, String route, int status, double millis) {
        Timer.builder("http_server_requests")
                .description("HTTP requests by route and status")
                .tags("method", method, "route", route, "status", String.valueOf(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /** A value read at each scrape (a queue length, connections open). */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** A count since start kept elsewhere, read at each scrape; {@code reason} tells apart counts of one name. */
    public void counter(String name, String reason, String description, LongSupplier value) {
        sources.add(value); // Micrometer holds the source weakly
        FunctionCounter.builder(name, value, LongSupplier::getAsLong).tag("reason", reason).description(description).register(registry);
    }

    public void documentsClassified(int count) {
        documents.increment(count);
    }

    public void modelServed(String id, String version) {
        model.register(List.of(MultiGauge.Row.of(Tags.of("id", id, "version", version), 1)), true);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
