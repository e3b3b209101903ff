package cn.qingfeng.webhook;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.JournalService;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.webhook.signing.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Subscriptions, their secrets, the delivery log and replays, and the hosts allowed inside. Admins only (ApiAccess). */
@ApplicationScoped
public class WebhookService {

    public static final String ENTITY = "webhook_subscription";
    static final String MASK = "••••";

    private static final List<SortField<SubscriptionEntity>> SUBSCRIPTION_SORT = List.of(
            new SortField<>("createdAt", "e.createdAt", Instant.class, s -> s.createdAt),
            new SortField<>("id", "e.id", UUID.class, s -> s.id));
    private static final List<SortField<DeliveryEntity>> DELIVERY_SORT = List.of(
            new SortField<>("createdAt", "e.createdAt", Instant.class, d -> d.createdAt),
            new SortField<>("id", "e.id", UUID.class, d -> d.id));

    @Inject
    EntityManager em;

    @Inject
    Pager pager;

    @Inject
    Journal journal;

    @Inject
    JournalService journalService;

    @Inject
    UrlGuard guard;

    @Inject
    CurrentUser user;

    @Inject
    QingfengConfig config;

    @Inject
    Clock clock;

    /** Settings whose values are credentials: stored, used, never answered. */
    static boolean secretSetting(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token");
    }

    public Page<WebhookViews.Subscription> list(PageParams page) {
        Page<SubscriptionEntity> p = pager.page(ListQuery.unscoped(em, SubscriptionEntity.class), page, SUBSCRIPTION_SORT, "-createdAt");
        Map<UUID, WebhookViews.Stats> stats = stats(p.items().stream().map(s -> s.id).toList());
        return p.map(s -> view(s, stats.get(s.id)));
    }

    public WebhookViews.Subscription get(UUID id) {
        SubscriptionEntity s = find(id);
        return view(s, stats(List.of(id)).get(id));
    }

    @Transactional
    public WebhookViews.SubscriptionWithSecret create(WebhookRequests.Create req) {
        checkUrl(req.url());
        List<String> types = eventTypes(req.eventTypes());
        Instant now = clock.instant();
        SubscriptionEntity s = new SubscriptionEntity();
        s.id = UUID.randomUUID();
        s.name = req.name().trim();
        s.url = req.url().trim();
        s.adapter = SubscriptionEntity.Adapter.valueOf(req.adapter());
        s.eventTypes = types.toArray(String[]::new);
        s.settings = req.settings() == null ? new HashMap<>() : new HashMap<>(req.settings());
        s.secret = WebhookSecrets.generate();
        s.status = SubscriptionEntity.Status.ACTIVE;
        s.createdBy = user.username();
        s.createdAt = now;
        s.updatedAt = now;
        em.persist(s);
        em.flush();
        journal.record("webhook.subscription-created", ENTITY, s.id, null, describe(s));
        return new WebhookViews.SubscriptionWithSecret(view(s, new WebhookViews.Stats(0, 0, 0)), s.secret);
    }

    @Transactional
    public WebhookViews.Subscription update(UUID id, long ifMatch, WebhookRequests.Update req) {
        SubscriptionEntity s = lock(id);
        ETags.check(ifMatch, s.version);
        Map<String, Object> before = describeMap(s);
        if (req.url() != null && !req.url().trim().equals(s.url)) {
            checkUrl(req.url());
            s.url = req.url().trim();
        }
        if (req.name() != null) {
            s.name = req.name().trim();
        }
        if (req.eventTypes() != null) {
            s.eventTypes = eventTypes(req.eventTypes()).toArray(String[]::new);
        }
        if (req.settings() != null) {
            Map<String, String> next = new HashMap<>();
            req.settings().forEach((k, v) -> next.put(k, MASK.equals(v) && s.settings.containsKey(k) ? s.settings.get(k) : v));
            s.settings = next;
        }
        String action = "webhook.subscription-updated";
        if (req.status() != null && !req.status().equals(s.status.name())) {
            s.status = SubscriptionEntity.Status.valueOf(req.status());
            if (s.status == SubscriptionEntity.Status.ACTIVE) {
                s.disabledReason = null;
                action = "webhook.subscription-enabled";
            } else {
                s.disabledReason = "管理员停用";
                action = "webhook.subscription-disabled";
            }
        }
        s.updatedAt = clock.instant();
        em.flush();
        Map<String, Object> after = describeMap(s);
        Changes changes = Changes.of();
        after.forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                changes.field(k, before.get(k), v);
            }
        });
        journal.record(action, ENTITY, s.id, null, changes.set("name", s.name));
        return get(s.id);
    }

    /** A new secret; the old one keeps signing beside it for the overlap, so receivers can switch without a gap. */
    @Transactional
    public WebhookViews.SubscriptionWithSecret rotate(UUID id) {
        SubscriptionEntity s = lock(id);
        Instant now = clock.instant();
        s.previousSecret = s.secret;
        s.previousSecretValidUntil = now.plus(config.webhooks().rotationOverlap());
        s.secret = WebhookSecrets.generate();
        s.updatedAt = now;
        em.flush();
        journal.record("webhook.secret-rotated", ENTITY, s.id, null, Changes.of()
                .set("name", s.name).set("previousSecretValidUntil", s.previousSecretValidUntil));
        return new WebhookViews.SubscriptionWithSecret(get(s.id), s.secret);
    }

    /** A {@code webhook.test} event, delivered to this subscription only. */
    @Transactional
    public WebhookViews.Delivery test(UUID id) {
        SubscriptionEntity s = find(id);
        if (s.status != SubscriptionEntity.Status.ACTIVE) {
            throw ProblemException.conflict("webhook.subscription-disabled", "订阅已停用，请先启用再发送测试事件");
        }
        UUID eventId = journal.record(OutboxFeeder.TEST_EVENT, ENTITY, s.id, null, Changes.of()
                .set("name", s.name).set("message", "清风测试事件"));
        DeliveryEntity d = em.createQuery("select d from DeliveryEntity d where d.eventId = :e and d.subscriptionId = :s", DeliveryEntity.class)
                .setParameter("e", eventId).setParameter("s", s.id).getSingleResult();
        return delivery(d, s.name);
    }

    public Page<WebhookViews.Delivery> deliveries(UUID subscriptionId, DeliveryEntity.Status status, String eventType,
                                                  Instant from, Instant to, PageParams page) {
        ListQuery<DeliveryEntity> q = ListQuery.unscoped(em, DeliveryEntity.class)
                .whereIf(subscriptionId, "e.subscriptionId = :sub", "sub")
                .whereIf(status, "e.status = :status", "status")
                .whereIf(eventType, "e.eventType = :type", "type")
                .whereIf(from, "e.createdAt >= :from", "from")
                .whereIf(to, "e.createdAt < :to", "to");
        Page<DeliveryEntity> p = pager.page(q, page, DELIVERY_SORT, "-createdAt");
        Map<UUID, String> names = names(p.items().stream().map(d -> d.subscriptionId).distinct().toList());
        return p.map(d -> delivery(d, names.get(d.subscriptionId)));
    }

    @SuppressWarnings("unchecked")
    public WebhookViews.DeliveryDetail delivery(UUID id) {
        DeliveryEntity d = em.find(DeliveryEntity.class, id);
        if (d == null) {
            throw ProblemException.notFound("webhook_delivery");
        }
        cn.qingfeng.journal.EventView e = journalService.bySeq(List.of(d.eventSeq)).get(d.eventSeq);
        Map<String, Object> payload = null;
        if (e != null) {
            cn.qingfeng.webhook.OutboundEvent out = Dispatcher.outbound(e);
            payload = new LinkedHashMap<>();
            payload.put("type", out.type());
            payload.put("timestamp", out.timestamp().toString());
            payload.put("data", out.data());
        }
        List<Object[]> rows = em.createNativeQuery("select attempted_at, outcome, status_code, latency_ms, response_excerpt"
                + " from webhook_attempt where delivery_id = :id order by id").setParameter("id", id).getResultList();
        List<WebhookViews.Attempt> attempts = rows.stream().map(r -> new WebhookViews.Attempt(
                r[0] instanceof Instant i ? i : ((java.sql.Timestamp) r[0]).toInstant(), (String) r[1],
                r[2] == null ? null : ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), (String) r[4])).toList();
        return new WebhookViews.DeliveryDetail(delivery(d, names(List.of(d.subscriptionId)).get(d.subscriptionId)), payload, attempts);
    }

    /** Sends one delivery again, whatever became of it: due now, with the same webhook-id. */
    @Transactional
    public WebhookViews.Delivery replay(UUID id) {
        DeliveryEntity d = em.find(DeliveryEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("webhook_delivery");
        }
        due(d);
        journal.record("webhook.replayed", ENTITY, d.subscriptionId, null, Changes.of()
                .set("deliveryId", d.id).set("eventId", d.eventId).set("replayed", 1));
        return delivery(d, names(List.of(d.subscriptionId)).get(d.subscriptionId));
    }

    /** Replays a subscription's deliveries created in a time range (e.g. after the receiver lost its data). */
    @Transactional
    public WebhookViews.ReplayResult replay(WebhookRequests.ReplayRange req) {
        find(req.subscriptionId());
        if (!req.from().isBefore(req.to())) {
            throw ProblemException.invalidField("to", "结束时间须晚于开始时间");
        }
        int n = em.createNativeQuery("update webhook_delivery set status = 'PENDING', next_attempt_at = :now, leased_until = null"
                        + " where subscription_id = :sub and created_at >= :from and created_at < :to"
                        + " and (cast(:status as varchar) is null or status = cast(:status as varchar))")
                .setParameter("now", clock.instant())
                .setParameter("sub", req.subscriptionId())
                .setParameter("from", req.from().toInstant())
                .setParameter("to", req.to().toInstant())
                .setParameter("status", req.status())
                .executeUpdate();
        journal.record("webhook.replayed", ENTITY, req.subscriptionId(), null, Changes.of()
                .set("from", req.from().toInstant()).set("to", req.to().toInstant()).set("status", req.status()).set("replayed", n));
        return new WebhookViews.ReplayResult(n);
    }

    public WebhookViews.AllowedHostList hosts() {
        return new WebhookViews.AllowedHostList(em.createQuery("select h from AllowedHostEntity h order by h.host", AllowedHostEntity.class)
                .getResultList().stream().map(h -> new WebhookViews.AllowedHost(h.host, h.note, h.addedBy, h.addedAt)).toList());
    }

    @Transactional
    public WebhookViews.AllowedHost allow(String host, String note) {
        String h = host.toLowerCase(Locale.ROOT);
        AllowedHostEntity e = em.find(AllowedHostEntity.class, h);
        if (e == null) {
            e = new AllowedHostEntity();
            e.host = h;
            e.note = note;
            e.addedBy = user.username();
            e.addedAt = clock.instant();
            em.persist(e);
        } else {
            e.note = note;
        }
        journal.record("webhook.host-allowed", "webhook_allowed_host", h, null, Changes.of().set("host", h).set("note", note));
        return new WebhookViews.AllowedHost(e.host, e.note, e.addedBy, e.addedAt);
    }

    @Transactional
    public void disallow(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        AllowedHostEntity e = em.find(AllowedHostEntity.class, h);
        if (e == null) {
            throw ProblemException.notFound("webhook_allowed_host");
        }
        em.remove(e);
        journal.record("webhook.host-disallowed", "webhook_allowed_host", h, null, Changes.of().set("host", h));
    }

    private void due(DeliveryEntity d) {
        d.status = DeliveryEntity.Status.PENDING;
        d.nextAttemptAt = clock.instant();
        d.leasedUntil = null;
    }

    private void checkUrl(String url) {
        guard.refusal(url.trim()).ifPresent(why -> {
            throw new ProblemException(400, "webhook.url-not-allowed", "Bad Request", why,
                    List.of(new cn.qingfeng.common.problem.FieldViolation("url", why)), Map.of());
        });
    }

    private static List<String> eventTypes(List<String> types) {
        if (types == null) {
            return List.of();
        }
        List<String> unknown = types.stream().filter(t -> !EventCatalog.known(t)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField("eventTypes", "没有这样的事件类型：" + String.join("、", unknown));
        }
        return types.stream().distinct().toList();
    }

    private SubscriptionEntity find(UUID id) {
        SubscriptionEntity s = em.find(SubscriptionEntity.class, id);
        if (s == null) {
            throw ProblemException.notFound(ENTITY);
        }
        return s;
    }

    private SubscriptionEntity lock(UUID id) {
        SubscriptionEntity s = em.find(SubscriptionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound(ENTITY);
        }
        return s;
    }

    /** What the journal keeps of a subscription: never its secrets or credential settings. */
    private static Changes describe(SubscriptionEntity s) {
        Changes c = Changes.of();
        describeMap(s).forEach(c::set);
        return c;
    }

    private static Map<String, Object> describeMap(SubscriptionEntity s) {
        Map<String, String> settings = new java.util.TreeMap<>();
        s.settings.forEach((k, v) -> settings.put(k, secretSetting(k) ? MASK : v));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name);
        m.put("url", s.url);
        m.put("adapter", s.adapter.name());
        m.put("eventTypes", List.of(s.eventTypes));
        m.put("settings", settings);
        m.put("status", s.status.name());
        return m;
    }

    private WebhookViews.Subscription view(SubscriptionEntity s, WebhookViews.Stats stats) {
        Map<String, String> settings = new LinkedHashMap<>();
        new java.util.TreeMap<>(s.settings).forEach((k, v) -> settings.put(k, secretSetting(k) ? MASK : v));
        Instant now = clock.instant();
        return new WebhookViews.Subscription(s.id, s.name, s.url, s.adapter.name(), List.of(s.eventTypes), settings,
                s.status.name(), s.disabledReason, s.secret.substring(s.secret.length() - 4),
                s.previousSecretValidUntil != null && s.previousSecretValidUntil.isAfter(now) ? s.previousSecretValidUntil : null,
                s.createdAt, s.updatedAt, stats == null ? new WebhookViews.Stats(0, 0, 0) : stats, s.version);
    }

    private static WebhookViews.Delivery delivery(DeliveryEntity d, String subscriptionName) {
        return new WebhookViews.Delivery(d.id, d.subscriptionId, subscriptionName, d.eventId, d.eventType, d.entityType, d.entityId,
                d.status.name(), d.attempts, d.status == DeliveryEntity.Status.PENDING || d.status == DeliveryEntity.Status.RETRYING
                ? d.nextAttemptAt : null, d.lastStatusCode, d.lastLatencyMs, d.lastError, d.createdAt, d.deliveredAt);
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, WebhookViews.Stats> stats(List<UUID> ids) {
        Map<UUID, long[]> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            List<Object[]> rows = em.createNativeQuery("select subscription_id, status, count(*) from webhook_delivery"
                    + " where subscription_id in (:ids) group by 1, 2").setParameter("ids", ids).getResultList();
            for (Object[] r : rows) {
                long[] c = counts.computeIfAbsent((UUID) r[0], k -> new long[3]);
                long n = ((Number) r[2]).longValue();
                switch ((String) r[1]) {
                    case "PENDING", "RETRYING" -> c[0] += n;
                    case "DELIVERED", "SKIPPED" -> c[1] += n;
                    default -> c[2] += n;
                }
            }
        }
        Map<UUID, WebhookViews.Stats> out = new HashMap<>();
        ids.forEach(id -> {
            long[] c = counts.getOrDefault(id, new long[3]);
            out.put(id, new WebhookViews.Stats(c[0], c[1], c[2]));
        });
        return out;
    }

    private Map<UUID, String> names(List<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select s.id, s.name from SubscriptionEntity s where s.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(r -> out.put((UUID) r[0], (String) r[1]));
        }
        return out;
    }
}
