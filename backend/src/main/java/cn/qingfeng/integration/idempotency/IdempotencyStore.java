package cn.qingfeng.integration.idempotency;

import cn.qingfeng.common.config.QingfengConfig;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The keys and the answers they replay ({@code idempotency_key}). Every method runs in a short
 * transaction of its own, never in the request's: a claim must be visible to a concurrent request
 * (on any instance) before the first one does its work, and must outlive that work's rollback.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final int PURGE_BATCH = 1000;
    private static final TypeReference<LinkedHashMap<String, List<String>>> HEADERS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    QingfengConfig config;

    @Inject
    Clock clock;

    /** A stored first answer: status, the headers that matter and the exact body bytes. */
    public record Stored(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** What a request with a key may do. */
    public sealed interface Outcome {
    }

    /** The key is this request's: it does its work, then {@link #complete} or {@link #release}. */
    public record Claimed(String subject, String key, UUID claim) implements Outcome {
    }

    /** The first request with this key is still being served. */
    public record InFlight() implements Outcome {
    }

    /** The key was used for another request (another fingerprint). */
    public record Reused() implements Outcome {
    }

    /** The first request was answered: replay its answer. */
    public record Replay(Stored response) implements Outcome {
    }

    /**
     * Claims the key for this request, or says why not. One INSERT … ON CONFLICT decides between
     * concurrent requests; an expired row (not yet purged) is taken over as if absent.
     */
    public Outcome claim(String subject, String key, String fingerprint, String method, String path) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> tryClaim(subject, key, fingerprint, method, path));
            if (outcome != null) {
                return outcome;
            }
            // The row was released (a 5xx) between our insert and our read: claim again.
        }
        return new InFlight();
    }

    private Outcome tryClaim(String subject, String key, String fingerprint, String method, String path) {
        Instant now = clock.instant();
        UUID claim = UUID.randomUUID();
        @SuppressWarnings("unchecked")
        List<Object> won = em.createNativeQuery("""
                        insert into idempotency_key (subject, idem_key, fingerprint, method, path, state, claim, created_at, expires_at)
                        values (:subject, :key, :fingerprint, :method, :path, 'IN_FLIGHT', :claim, :now, :expires)
                        on conflict (subject, idem_key) do update set fingerprint = excluded.fingerprint,
                            method = excluded.method, path = excluded.path, state = 'IN_FLIGHT', claim = excluded.claim,
                            status = null, headers = null, body = null, created_at = excluded.created_at,
                            completed_at = null, expires_at = excluded.expires_at
                        where idempotency_key.expires_at <= :now
                        returning claim""")
                .setParameter("subject", subject).setParameter("key", key).setParameter("fingerprint", fingerprint)
                .setParameter("method", method).setParameter("path", path).setParameter("claim", claim)
                .setParameter("now", at(now)).setParameter("expires", at(now.plus(config.idempotency().retention())))
                .getResultList();
        if (!won.isEmpty()) {
            return new Claimed(subject, key, claim);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select fingerprint, state, status, cast(headers as text), body from idempotency_key
                        where subject = :subject and idem_key = :key""")
                .setParameter("subject", subject).setParameter("key", key).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        if (!fingerprint.equals(row[0])) {
            return new Reused();
        }
        if ("IN_FLIGHT".equals(row[1])) {
            return new InFlight();
        }
        return new Replay(new Stored(((Number) row[2]).intValue(), headers((String) row[3]), (byte[]) row[4]));
    }

    /** Keeps the first answer for replays (2xx, 3xx and 4xx are kept). */
    public void complete(Claimed c, Stored response) {
        String headers;
        try {
            headers = json.writeValueAsString(response.headers());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update idempotency_key set state = 'COMPLETED', status = :status, headers = cast(:headers as jsonb),
                            body = :body, completed_at = :now
                        where subject = :subject and idem_key = :key and claim = :claim""")
                .setParameter("status", response.status()).setParameter("headers", headers)
                .setParameter("body", response.body()).setParameter("now", at(clock.instant()))
                .setParameter("subject", c.subject()).setParameter("key", c.key()).setParameter("claim", c.claim())
                .executeUpdate());
    }

    /** Gives the key back (the answer was a 5xx, or failed): a retry with it is a new first request. */
    public void release(Claimed c) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from idempotency_key where subject = :subject and idem_key = :key and claim = :claim")
                .setParameter("subject", c.subject()).setParameter("key", c.key()).setParameter("claim", c.claim())
                .executeUpdate());
    }

    /**
     * Deletes expired keys in batches; several instances may run it at once (rows another one is
     * deleting are skipped). Answers how many were deleted.
     */
    public int purgeExpired() {
        int total = 0;
        while (true) {
            Instant now = clock.instant();
            int n = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            delete from idempotency_key where ctid in (select ctid from idempotency_key
                                where expires_at <= :now order by expires_at limit :batch for update skip locked)""")
                    .setParameter("now", at(now)).setParameter("batch", PURGE_BATCH).executeUpdate());
            total += n;
            if (n < PURGE_BATCH) {
                return total;
            }
        }
    }

    private Map<String, List<String>> headers(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, HEADERS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
