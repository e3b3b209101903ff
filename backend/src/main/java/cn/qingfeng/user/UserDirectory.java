package cn.qingfeng.user;

import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.unit.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@code app_user} current from callers' tokens so records can name people. A row is written
 * only when something changed or the last sighting is old, never on every request; changes of
 * name, unit or roles are journaled (they change what a person may see).
 */
@ApplicationScoped
public class UserDirectory {

    private static final Duration REFRESH = Duration.ofMinutes(15);

    @Inject
    AppUserRepository users;

    @Inject
    UnitRepository units;

    @Inject
    Journal journal;

    @Inject
    Clock clock;

    private record Seen(String fingerprint, Instant at) {
    }

    /** A person as their token describes them: what the directory keeps. */
    public record Profile(String subject, String username, String displayName, String unitCode, java.util.Set<String> roles,
                          String clientId) {

        static Profile of(CurrentUser caller) {
            return new Profile(caller.subject(), caller.username(), caller.displayName(), caller.unitCode().orElse(null),
                    caller.roles(), caller.clientId().orElse(null));
        }
    }

    private final Map<String, Seen> recent = new ConcurrentHashMap<>();

    /** Cheap check first: most requests come from a caller seen a moment ago with the same token claims. */
    public void touch(CurrentUser caller) {
        String fingerprint = caller.username() + "|" + caller.displayName() + "|" + caller.unitCode().orElse("")
                + "|" + String.join(",", caller.roles()) + "|" + caller.clientId().orElse("");
        Seen seen = recent.get(caller.subject());
        Instant now = clock.instant();
        if (seen != null && seen.fingerprint().equals(fingerprint) && seen.at().plus(REFRESH).isAfter(now)) {
            return;
        }
        sync(Profile.of(caller));
        recent.put(caller.subject(), new Seen(fingerprint, now));
    }

    /** Writes the profile when it changed (journaled: it changes what the person may see and is asked). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sync(Profile caller) {
        Instant now = clock.instant();
        String unitCode = caller.unitCode();
        UUID unitId = unitCode == null ? null : units.byCode(unitCode).map(u -> u.id).orElse(null);
        String roles = String.join(",", new java.util.TreeSet<>(caller.roles()));
        AppUserEntity u = users.findById(caller.subject(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (u == null) {
            u = new AppUserEntity();
            u.subject = caller.subject();
            u.firstSeenAt = now;
            u.username = caller.username();
            u.displayName = caller.displayName();
            u.unitCode = unitCode;
            u.unitId = unitId;
            u.roles = roles;
            u.clientId = caller.clientId();
            u.lastSeenAt = now;
            users.persist(u);
            journal.record("user.first-seen", "user", u.subject, unitId, Changes.of()
                    .set("username", u.username).set("displayName", u.displayName)
                    .set("unitCode", unitCode).set("roles", roles));
            return;
        }
        Changes changes = Changes.of()
                .field("username", u.username, caller.username())
                .field("displayName", u.displayName, caller.displayName())
                .field("unitCode", u.unitCode, unitCode)
                .field("roles", u.roles, roles);
        u.username = caller.username();
        u.displayName = caller.displayName();
        u.unitCode = unitCode;
        u.unitId = unitId;
        u.roles = roles;
        u.clientId = caller.clientId() != null ? caller.clientId() : u.clientId;
        u.lastSeenAt = now;
        if (!changes.isEmpty()) {
            journal.record("user.profile-changed", "user", u.subject, unitId, changes);
        }
    }
}
