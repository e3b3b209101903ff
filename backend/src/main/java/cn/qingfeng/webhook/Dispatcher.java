package cn.qingfeng.webhook;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.journal.JournalService;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.webhook.adapter.DeliveryAdapter;
import cn.qingfeng.webhook.adapter.DeliveryResult;
import cn.qingfeng.webhook.adapter.Target;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox. Each round leases a batch of due deliveries (SKIP LOCKED, so instances never
 * take the same rows; a lease outlives a killed instance only until it expires), sends them in
 * parallel through their subscriptions' adapters, and records every attempt as it finishes. The
 * database work stays on the calling thread; the pool threads only talk HTTP.
 *
 * <p>At least once: a delivery is marked done after the receiver answered, so a crash between the
 * two sends it again — with the same {@code webhook-id}, for the receiver to deduplicate.
 *
 * <p>In order per record: a delivery is not leased while an earlier one of the same record for the
 * same subscription is still due, so a receiver sees a to-do's 待办 before its 已办 even when both
 * fall into one round; a retrying one holds back only the later events of its own record.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(15);

    @Inject
    EntityManager em;

    @Inject
    QingfengConfig config;

    @Inject
    Clock clock;

    @Inject
    UrlGuard guard;

    @Inject
    Journal journal;

    @Inject
    JournalService journalService;

    @Inject
    @Any
    Instance<DeliveryAdapter> adapters;

    @Inject
    Instance<OaLogins> oaLogins;

    private ExecutorService pool;
    private HttpClient http;
    private RetryPolicy retries;

    @PostConstruct
    void init() {
        pool = Executors.newFixedThreadPool(config.webhooks().concurrency(), r -> {
            Thread t = new Thread(r, "webhook-delivery");
            t.setDaemon(true);
            return t;
        });
        // The client keeps its own executor: on the delivery pool, whose threads block in send(), its
        // response handling would wait behind them, time out and send late (after the attempt was logged).
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        retries = new RetryPolicy(config.webhooks().retrySchedule(), () -> ThreadLocalRandom.current().nextDouble());
    }

    void stop(@Observes ShutdownEvent e) {
        pool.shutdownNow();
    }

    Duration timeout() {
        Duration t = config.webhooks().timeout();
        return t.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : t;
    }

    @Scheduled(every = "${qingfeng.webhooks.dispatch-interval}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            while (dispatchDue() == config.webhooks().batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook dispatch round failed; due deliveries stay due", e);
        }
    }

    private record Leased(UUID id, UUID subscriptionId, long eventSeq, int attempts, Instant leasedUntil) {
    }

    private record Work(Leased delivery, OutboundEventWithTarget job) {
    }

    private record OutboundEventWithTarget(cn.qingfeng.webhook.OutboundEvent event, Target target, DeliveryAdapter adapter,
                                           Optional<String> refusal) {
    }

    /** One round: leases up to a batch of due deliveries and delivers them; answers how many it leased. */
    public int dispatchDue() {
        List<Work> work = QuarkusTransaction.requiringNew().call(this::leaseAndLoad);
        if (work.isEmpty()) {
            return 0;
        }
        CompletionService<Map.Entry<Work, DeliveryResult>> done = new ExecutorCompletionService<>(pool);
        for (Work w : work) {
            done.submit(() -> Map.entry(w, send(w.job())));
        }
        for (int i = 0; i < work.size(); i++) {
            try {
                Map.Entry<Work, DeliveryResult> r = done.take().get();
                QuarkusTransaction.requiringNew().run(() -> record(r.getKey().delivery(), r.getValue()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return i;
            } catch (ExecutionException e) {
                // send() never throws; a failure here leaves the lease to expire and the delivery to be retried
                LOG.warn("webhook delivery failed unexpectedly", e.getCause());
            }
        }
        return work.size();
    }

    private DeliveryResult send(OutboundEventWithTarget job) {
        if (job.refusal().isPresent()) {
            return new DeliveryResult(DeliveryResult.Outcome.RETRY, 0, 0, DeliveryResult.excerpt(job.refusal().get()), null);
        }
        if (job.adapter() == null) {
            return new DeliveryResult(DeliveryResult.Outcome.RETRY, 0, 0, "no adapter for this subscription", null);
        }
        try {
            return job.adapter().deliver(job.event(), job.target());
        } catch (RuntimeException e) {
            return DeliveryResult.unreachable(0, e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Work> leaseAndLoad() {
        Instant now = clock.instant();
        Instant until = now.plus(config.webhooks().lease());
        List<Object[]> rows = em.createNativeQuery("""
                        update webhook_delivery d set leased_until = :until
                        from (select w.id from webhook_delivery w
                              join webhook_subscription s on s.id = w.subscription_id and s.status = 'ACTIVE'
                              where w.status in ('PENDING', 'RETRYING') and w.next_attempt_at <= :now
                                and (w.leased_until is null or w.leased_until <= :now)
                                and not exists (select 1 from webhook_delivery p
                                                where p.subscription_id = w.subscription_id and p.entity_type = w.entity_type
                                                  and p.entity_id = w.entity_id and p.event_seq < w.event_seq
                                                  and p.status in ('PENDING', 'RETRYING'))
                              order by w.next_attempt_at limit :batch
                              for update of w skip locked) due
                        where d.id = due.id
                        returning d.id, d.subscription_id, d.event_seq, d.attempts
                        """)
                .setParameter("until", until)
                .setParameter("now", now)
                .setParameter("batch", config.webhooks().batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Leased> leased = rows.stream().map(r -> new Leased((UUID) r[0], (UUID) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).intValue(), until)).toList();
        Map<Long, EventView> events = journalService.bySeq(leased.stream().map(Leased::eventSeq).distinct().toList());
        Map<UUID, SubscriptionEntity> subscriptions = new HashMap<>();
        em.createQuery("select s from SubscriptionEntity s where s.id in :ids", SubscriptionEntity.class)
                .setParameter("ids", leased.stream().map(Leased::subscriptionId).distinct().toList())
                .getResultList().forEach(s -> subscriptions.put(s.id, s));
        Map<UUID, Optional<String>> refusals = new HashMap<>();
        Function<String, Optional<String>> logins = oaLogins.isResolvable() ? oaLogins.get()::oaLoginOf : u -> Optional.empty();
        return leased.stream().map(l -> {
            SubscriptionEntity s = subscriptions.get(l.subscriptionId());
            EventView e = events.get(l.eventSeq());
            Optional<String> refusal = e == null ? Optional.of("event no longer in the journal (retention)")
                    : refusals.computeIfAbsent(s.id, id -> guard.refusal(s.url));
            Target target = new Target(URI.create(s.url), Map.copyOf(s.settings), s.signingSecrets(now), http, timeout(),
                    config.webhooks().spaUrl(), logins);
            return new Work(l, new OutboundEventWithTarget(e == null ? null : outbound(e), target, adapter(s.adapter), refusal));
        }).toList();
    }

    private DeliveryAdapter adapter(SubscriptionEntity.Adapter code) {
        return adapters.stream().filter(a -> a.code().equals(code.name())).findFirst().orElse(null);
    }

    /** The event as every subscriber receives it (stable across retries: the journal row is immutable). */
    public static cn.qingfeng.webhook.OutboundEvent outbound(EventView e) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("subject", e.actorSubject());
        actor.put("name", e.actorName());
        actor.put("client", e.client());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entityType", e.entityType());
        data.put("entityId", e.entityId());
        data.put("unitId", e.unitId() == null ? null : e.unitId().toString());
        data.put("actor", actor);
        data.put("changes", e.changes() == null ? Map.of() : e.changes());
        return new cn.qingfeng.webhook.OutboundEvent(e.id().toString(), e.action(), e.occurredAt(), data);
    }

    /** Records one attempt and what follows from it, in its own transaction. */
    void record(Leased l, DeliveryResult r) {
        Instant now = clock.instant();
        int attempts = l.attempts() + 1;
        em.createNativeQuery("insert into webhook_attempt (delivery_id, attempted_at, outcome, status_code, latency_ms, response_excerpt)"
                        + " values (:id, :at, :outcome, :code, :latency, :excerpt)")
                .setParameter("id", l.id())
                .setParameter("at", now)
                .setParameter("outcome", r.outcome().name())
                .setParameter("code", r.statusCode() == 0 ? null : r.statusCode())
                .setParameter("latency", (int) Math.min(Integer.MAX_VALUE, r.latencyMs()))
                .setParameter("excerpt", DeliveryResult.excerpt(r.responseExcerpt()))
                .executeUpdate();
        DeliveryEntity d = em.find(DeliveryEntity.class, l.id());
        d.attempts = attempts;
        d.leasedUntil = null;
        d.lastStatusCode = r.statusCode() == 0 ? null : r.statusCode();
        d.lastLatencyMs = (int) Math.min(Integer.MAX_VALUE, r.latencyMs());
        d.lastError = r.delivered() ? null : DeliveryResult.excerpt(r.responseExcerpt());
        switch (r.outcome()) {
            case DELIVERED, SKIPPED -> {
                d.status = r.outcome() == DeliveryResult.Outcome.DELIVERED ? DeliveryEntity.Status.DELIVERED : DeliveryEntity.Status.SKIPPED;
                d.deliveredAt = now;
            }
            case REJECTED -> d.status = DeliveryEntity.Status.DEAD;
            case GONE -> {
                d.status = DeliveryEntity.Status.DEAD;
                disable(d.subscriptionId, "接收方答复 410 Gone，已停止投递");
            }
            case RETRY -> {
                Optional<Instant> next = retries.next(attempts, now, r.retryAfter());
                d.status = next.isPresent() ? DeliveryEntity.Status.RETRYING : DeliveryEntity.Status.DEAD;
                next.ifPresent(t -> d.nextAttemptAt = t);
            }
        }
    }

    private void disable(UUID subscriptionId, String reason) {
        SubscriptionEntity s = em.find(SubscriptionEntity.class, subscriptionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (s.status == SubscriptionEntity.Status.DISABLED) {
            return;
        }
        s.status = SubscriptionEntity.Status.DISABLED;
        s.disabledReason = reason;
        s.updatedAt = clock.instant();
        journal.record("webhook.subscription-disabled", WebhookService.ENTITY, s.id, null, Changes.of()
                .set("name", s.name).set("reason", reason));
    }

    /** The delivery log's retention: finished deliveries older than the configured days go. */
    @Scheduled(cron = "${qingfeng.journal.retention-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeLog() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(config.webhooks().logRetentionDays()));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from webhook_attempt a using webhook_delivery d where a.delivery_id = d.id"
                    + " and d.status in ('DELIVERED', 'SKIPPED', 'DEAD') and d.created_at < :cutoff").setParameter("cutoff", cutoff).executeUpdate();
            em.createNativeQuery("delete from webhook_delivery where status in ('DELIVERED', 'SKIPPED', 'DEAD') and created_at < :cutoff")
                    .setParameter("cutoff", cutoff).executeUpdate();
        });
    }
}
