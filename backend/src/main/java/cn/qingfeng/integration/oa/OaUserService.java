package cn.qingfeng.integration.oa;

import cn.qingfeng.common.input.InputRules;
import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.integration.oa.OaUserViews.ImportProblem;
import cn.qingfeng.integration.oa.OaUserViews.ImportResult;
import cn.qingfeng.integration.oa.OaUserViews.OaUserView;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OA people mapping, kept by admins: one by one (create or replace with If-Match, delete) or
 * by CSV import (all lines or none). Every change is journaled (entity {@code oa_user}).
 */
@ApplicationScoped
public class OaUserService {

    static final String ENTITY = "oa_user";
    /** Mappings change rarely and imports are whole: one advisory lock serialises their writers. */
    private static final long WRITE_LOCK = 7105012L;
    private static final List<SortField<OaUserEntity>> SORT = List.of(
            new SortField<>("username", "e.username", String.class, u -> u.username),
            new SortField<>("updatedAt", "e.updatedAt", Instant.class, u -> u.updatedAt),
            new SortField<>("oaLogin", "e.oaLogin", String.class, u -> u.oaLogin));

    @Inject
    EntityManager em;

    @Inject
    Pager pager;

    @Inject
    Journal journal;

    @Inject
    Clock clock;

    /** What a PUT did: the mapping, and whether it was new. */
    public record Saved(OaUserView view, boolean created) {
    }

    public Page<OaUserView> list(String q, PageParams page) {
        ListQuery<OaUserEntity> query = ListQuery.unscoped(em, OaUserEntity.class)
                .search(q, "e.oaLogin", "e.username", "e.displayName");
        return pager.page(query, page, SORT, "oaLogin").map(OaUserView::of);
    }

    public OaUserView get(String oaLogin) {
        return OaUserView.of(find(login(oaLogin)).orElseThrow(() -> ProblemException.notFound("OA 账号映射")));
    }

    /**
     * Creates the mapping, or replaces it: replacing needs If-Match (428 without, 412 when stale);
     * an If-Match for a login not mapped yet is 412 (it names a version that does not exist).
     */
    @Transactional
    public Saved put(String oaLogin, long expectedVersion, OaUserRequests.Put req) {
        String login = login(oaLogin);
        lockWriters();
        String username = req.username().trim().toLowerCase(Locale.ROOT);
        String displayName = blankToNull(req.displayName());
        String note = blankToNull(req.note());
        Optional<OaUserEntity> other = byUsername(username).filter(u -> !u.oaLogin.equals(login));
        OaUserEntity e = em.find(OaUserEntity.class, login, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            if (expectedVersion != ETags.ifMatch(null)) {
                throw new ProblemException(412, "precondition-failed", "Precondition Failed", "该 OA 账号尚无映射，If-Match 不适用");
            }
            other.ifPresent(o -> {
                throw usernameTaken(username, o.oaLogin);
            });
            Instant now = clock.instant();
            e = new OaUserEntity();
            e.oaLogin = login;
            e.username = username;
            e.displayName = displayName;
            e.note = note;
            e.createdAt = now;
            e.updatedAt = now;
            em.persist(e);
            journal.record("oa_user.created", ENTITY, login, null, Changes.of()
                    .set("oaLogin", login).set("username", username).set("displayName", displayName).set("note", note));
            em.flush();
            return new Saved(OaUserView.of(e), true);
        }
        ETags.check(expectedVersion, e.version);
        other.ifPresent(o -> {
            throw usernameTaken(username, o.oaLogin);
        });
        Changes changes = replace(e, username, displayName, note);
        if (!changes.isEmpty()) {
            e.updatedAt = clock.instant();
            journal.record("oa_user.updated", ENTITY, login, null, changes);
            em.flush();
        }
        return new Saved(OaUserView.of(e), false);
    }

    /** Removes the mapping (If-Match optional: when given it must name the current version). */
    @Transactional
    public void delete(String oaLogin, long expectedVersion) {
        String login = login(oaLogin);
        lockWriters();
        OaUserEntity e = em.find(OaUserEntity.class, login, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("OA 账号映射");
        }
        if (expectedVersion != ETags.ifMatch(null)) {
            ETags.check(expectedVersion, e.version);
        }
        journal.record("oa_user.deleted", ENTITY, login, null, Changes.of()
                .field("username", e.username, null).field("displayName", e.displayName, null));
        em.remove(e);
        em.flush();
    }

    /**
     * Applies a CSV file ({@code oaLogin,username,displayName}, a header row, UTF-8 with or without
     * BOM): each line creates or replaces its login's mapping. Every line is checked against the
     * state the whole file leads to (a username used twice, also by a login the file does not
     * name); one problem and nothing is written: 422 {@code oa-user.import-rejected} with the lines.
     */
    @Transactional
    public ImportResult importCsv(String fileName, Path file) {
        OaUserCsv.Parsed parsed = OaUserCsv.read(fileName, file);
        List<ImportProblem> problems = new ArrayList<>(parsed.problems());
        lockWriters();
        Map<String, OaUserEntity> current = new HashMap<>();
        for (OaUserEntity e : em.createQuery("select e from OaUserEntity e", OaUserEntity.class).getResultList()) {
            current.put(e.oaLogin, e);
        }
        Map<String, OaUserCsv.Line> lines = new LinkedHashMap<>();
        parsed.lines().forEach(l -> lines.put(l.oaLogin(), l));
        // The state the import leads to, login → username: each username once.
        Map<String, String> after = new HashMap<>();
        current.forEach((login, e) -> after.put(login, e.username));
        lines.values().forEach(l -> after.put(l.oaLogin(), l.username()));
        Map<String, List<String>> loginsOf = new HashMap<>();
        after.forEach((login, username) -> loginsOf.computeIfAbsent(username, k -> new ArrayList<>()).add(login));
        for (OaUserCsv.Line l : lines.values()) {
            List<String> others = new ArrayList<>(loginsOf.get(l.username()));
            others.remove(l.oaLogin());
            if (!others.isEmpty()) {
                java.util.Collections.sort(others);
                problems.add(new ImportProblem(l.number(), "username", l.username(),
                        "用户名 " + l.username() + " 同时映射到 OA 账号 " + String.join("、", others)));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
            throw new ProblemException(422, "oa-user.import-rejected", "Unprocessable Content",
                    problems.size() + " 行有问题，未导入任何数据", List.of(),
                    Map.of("problems", problems.size() > 500 ? problems.subList(0, 500) : problems, "lines", parsed.read()));
        }
        // Two logins may swap usernames: the unique constraint is checked at commit, on the final state.
        em.createNativeQuery("set constraints oa_user_mapping_username_uk deferred").executeUpdate();
        int created = 0;
        int updated = 0;
        Instant now = clock.instant();
        for (OaUserCsv.Line l : lines.values()) {
            OaUserEntity e = current.get(l.oaLogin());
            if (e == null) {
                e = new OaUserEntity();
                e.oaLogin = l.oaLogin();
                e.username = l.username();
                e.displayName = l.displayName();
                e.createdAt = now;
                e.updatedAt = now;
                em.persist(e);
                journal.record("oa_user.created", ENTITY, e.oaLogin, null, Changes.of().set("oaLogin", e.oaLogin)
                        .set("username", e.username).set("displayName", e.displayName).set("importFile", fileName));
                created++;
                continue;
            }
            Changes changes = replace(e, l.username(), l.displayName(), e.note);
            if (!changes.isEmpty()) {
                e.updatedAt = now;
                journal.record("oa_user.updated", ENTITY, e.oaLogin, null, changes.set("importFile", fileName));
                updated++;
            }
        }
        em.flush();
        int lineCount = parsed.read();
        return new ImportResult(lineCount, created, updated, lineCount - created - updated);
    }

    // ---------------------------------------------------------------- lookups (OaUserDirectory)

    Optional<OaUserEntity> find(String oaLogin) {
        return Optional.ofNullable(em.find(OaUserEntity.class, oaLogin));
    }

    Optional<OaUserEntity> byUsername(String username) {
        return em.createQuery("select e from OaUserEntity e where e.username = :u", OaUserEntity.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    // ---------------------------------------------------------------- helpers

    private static Changes replace(OaUserEntity e, String username, String displayName, String note) {
        Changes c = Changes.of().field("username", e.username, username).field("displayName", e.displayName, displayName)
                .field("note", e.note, note);
        e.username = username;
        e.displayName = displayName;
        e.note = note;
        return c;
    }

    private void lockWriters() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + WRITE_LOCK + ")").getSingleResult();
    }

    /** The login as the path gives it: 1–100 characters, no spaces, control or direction characters. */
    static String login(String raw) {
        String problem = loginProblem(raw);
        if (problem != null) {
            throw ProblemException.invalidField("oaLogin", problem);
        }
        return raw;
    }

    static String loginProblem(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 100) {
            return "OA 登录名须为 1–100 个字符";
        }
        Optional<String> text = InputRules.textProblem(raw);
        if (text.isPresent()) {
            return "OA 登录名" + text.get();
        }
        if (raw.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '/' || c == '\\')) {
            return "OA 登录名不能包含空白或 / \\";
        }
        return null;
    }

    private static ProblemException usernameTaken(String username, String oaLogin) {
        return ProblemException.conflict("oa-user.username-taken", "用户名 " + username + " 已映射到 OA 账号 " + oaLogin,
                Map.of("username", username, "existingOaLogin", oaLogin));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
