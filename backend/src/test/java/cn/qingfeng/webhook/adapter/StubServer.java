package cn.qingfeng.webhook.adapter;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A recorded-contract stub of a receiver: a real HTTP server on 127.0.0.1 that records every
 * request, lets the test's handler check its shape (violations are collected, the test asserts
 * none) and answers as the real system does.
 */
final class StubServer implements AutoCloseable {

    record Request(String method, String path, String query, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    record Reply(int status, Map<String, String> headers, String body) {
        static Reply of(int status, String contentType, String body) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", contentType);
            return new Reply(status, h, body);
        }

        static Reply json(String body) {
            return of(200, "application/json;charset=UTF-8", body);
        }

        Reply with(String header, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(header, value);
            return new Reply(status, h, body);
        }
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(Request request) throws Exception;
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    /** A handler that must answer late waits on this; the test releases it (never a sleep). */
    final CountDownLatch release = new CountDownLatch(1);

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private volatile Handler handler;

    StubServer(Handler handler) throws IOException {
        this.handler = handler;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
                requests.add(r);
                Reply reply;
                try {
                    reply = this.handler.handle(r);
                } catch (Exception e) {
                    violations.add("stub failed on " + r.path() + ": " + e);
                    reply = Reply.of(500, "text/plain", e.toString());
                }
                byte[] out = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
                reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(out);
                    }
                }
            } catch (IOException e) {
                // the client gave up (e.g. its timeout): nothing to answer
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void handler(Handler h) {
        this.handler = h;
    }

    /** Records a contract violation when {@code ok} is false. */
    void check(boolean ok, String violation) {
        if (!ok) {
            violations.add(violation);
        }
    }

    /** Blocks a handler until the test releases it; bounded so a failing test cannot hang the build. */
    void awaitRelease() throws InterruptedException {
        release.await(60, TimeUnit.SECONDS);
    }

    List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /**
     * Lets a handler that was released finish before the pool goes: interrupting it while it is
     * still waking from {@link #awaitRelease()} (a loaded machine may not have run it yet) would
     * record a failure of the stub that no request caused.
     */
    @Override
    public void close() {
        release.countDown();
        pool.shutdown();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        pool.shutdownNow();
    }
}
