package cn.qingfeng.demo;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.unit.UnitEntity;
import cn.qingfeng.unit.UnitKind;
import cn.qingfeng.unit.UnitRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The demo organisation: a city sports bureau like the one of the seed report (市**局), with its
 * departments, affiliated units and Party branches. The codes match the demo users' {@code unit}
 * attribute in the committed Keycloak realm. Seeded once, into an empty database, when enabled.
 */
@ApplicationScoped
public class DemoOrganisation {

    private static final Logger LOG = Logger.getLogger(DemoOrganisation.class);

    /** code, name, kind, parent code — parents first. */
    static final List<String[]> UNITS = List.of(
            new String[]{"SJ", "市体育局", "BUREAU", null},
            new String[]{"SJ-BGS", "办公室", "DEPARTMENT", "SJ"},
            new String[]{"SJ-JGDW", "机关党委（人事处）", "DEPARTMENT", "SJ"},
            new String[]{"SJ-JJZ", "派驻纪检监察组", "DEPARTMENT", "SJ"},
            new String[]{"SJ-JTC", "竞技体育处", "DEPARTMENT", "SJ"},
            new String[]{"SJ-QTC", "群众体育处", "DEPARTMENT", "SJ"},
            new String[]{"SJ-JG-DYZB", "机关第一党支部", "BRANCH", "SJ-JGDW"},
            new String[]{"SJ-JG-DEZB", "机关第二党支部", "BRANCH", "SJ-JGDW"},
            new String[]{"SJ-CGZX", "体育场馆管理中心", "AFFILIATED", "SJ"},
            new String[]{"SJ-CGZX-DZB", "场馆中心党支部", "BRANCH", "SJ-CGZX"},
            new String[]{"SJ-YDXX", "体育运动学校", "AFFILIATED", "SJ"},
            new String[]{"SJ-YDXX-DZB", "运动学校党支部", "BRANCH", "SJ-YDXX"},
            new String[]{"SJ-XLZX", "体育训练中心", "AFFILIATED", "SJ"},
            new String[]{"SJ-XLZX-DZB", "训练中心党支部", "BRANCH", "SJ-XLZX"});

    @Inject
    QingfengConfig config;

    @Inject
    UnitRepository units;

    @Inject
    EntityManager em;

    @Inject
    Journal journal;

    @Inject
    Clock clock;

    /** Stable ids, so links in notes and scripts keep working across fresh databases. */
    public static UUID idOf(String code) {
        return UUID.nameUUIDFromBytes(("qingfeng-demo-unit:" + code).getBytes(StandardCharsets.UTF_8));
    }

    void onStart(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) StartupEvent start) {
        if (config.demoData().enabled()) {
            seed();
        }
    }

    @Transactional
    void seed() {
        // Several instances may start together: one seeds, the others find the tree there.
        em.createNativeQuery("select pg_advisory_xact_lock(7105001)").getSingleResult();
        if (!units.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, UnitEntity> byCode = new HashMap<>();
        int order = 0;
        for (String[] row : UNITS) {
            UnitEntity parent = row[3] == null ? null : byCode.get(row[3]);
            UnitEntity u = new UnitEntity();
            u.id = idOf(row[0]);
            u.code = row[0];
            u.name = row[1];
            u.kind = UnitKind.valueOf(row[2]);
            u.parentId = parent == null ? null : parent.id;
            u.path = (parent == null ? "/" : parent.path) + u.id + "/";
            u.depth = parent == null ? 0 : parent.depth + 1;
            u.sortOrder = order++;
            u.createdAt = now;
            u.updatedAt = now;
            units.persist(u);
            byCode.put(u.code, u);
            journal.record("unit.created", "unit", u.id, u.id, Changes.of()
                    .set("code", u.code).set("name", u.name).set("kind", u.kind).set("parentId", u.parentId)
                    .set("source", "demo-data"));
        }
        LOG.infof("seeded the demo organisation (%d units)", UNITS.size());
    }
}
