package cn.qingfeng.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A webhook receiver as a subscriber would run one: it records every request, deduplicates by
 * {@code webhook-id} (each id is accepted once, repeats answered 200 without effect) and can be
 * switched to answer as a receiver that is down (503), gone (410) or asks for time (Retry-After).
 */
public final class Receiver implements AutoCloseable {

    public enum Mode { UP, DOWN, GONE, RETRY_AFTER_120 }

    public record Request(String id, String timestamp, String signature, String body, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
    /** While set, requests wait here before they are answered (a receiver that takes its time). */
    private volatile java.util.concurrent.CountDownLatch hold;
    /** Requests waiting on the hold right now. */
    public final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
    /** Ids of requests that were held. */
    public final Set<String> heldIds = ConcurrentHashMap.newKeySet();
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Ids accepted (first time seen while up). */
    public final Set<String> accepted = ConcurrentHashMap.newKeySet();
    /** Requests repeating an accepted id (at-least-once shows here). */
    public final List<String> duplicates = new CopyOnWriteArrayList<>();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            requests.add(new Request(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8),
                    Map.copyOf(exchange.getRequestHeaders())));
            java.util.concurrent.CountDownLatch h = hold;
            if (h != null) {
                heldIds.add(id);
                held.incrementAndGet();
                try {
                    h.await(5, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                held.decrementAndGet();
            }
            int status;
            switch (mode.get()) {
                case DOWN -> status = 503;
                case GONE -> status = 410;
                case RETRY_AFTER_120 -> {
                    exchange.getResponseHeaders().add("Retry-After", "120");
                    status = 503;
                }
                default -> {
                    status = 200;
                    if (id != null && !accepted.add(id)) {
                        duplicates.add(id);
                    }
                }
            }
            byte[] answer = (status == 200 ? "{\"ok\":true}" : "{\"error\":\"unavailable\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** Requests from now on wait until {@link #release()}. */
    public void hold() {
        hold = new java.util.concurrent.CountDownLatch(1);
    }

    public void release() {
        java.util.concurrent.CountDownLatch h = hold;
        hold = null;
        if (h != null) {
            h.countDown();
        }
    }

    public void mode(Mode m) {
        mode.set(m);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void reset() {
        requests.clear();
        accepted.clear();
        duplicates.clear();
        mode.set(Mode.UP);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
