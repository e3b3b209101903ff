package cn.qingfeng.demo;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.unit.UnitKind;
import cn.qingfeng.unit.UnitRepository;
import cn.qingfeng.unit.UnitRequests;
import cn.qingfeng.unit.UnitService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The demo organisation: a city sports bureau like the one of the seed report (市**局), with its
 * departments, affiliated units and Party branches. The codes match the demo users' {@code unit}
 * attribute in the committed Keycloak realm. Seeded once, into an empty database, when enabled,
 * by the admin through the unit service.
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
    UnitService service;

    @Inject
    DemoStory story;

    /** Stable ids, so links in notes and scripts keep working across fresh databases. */
    public static UUID idOf(String code) {
        return UUID.nameUUIDFromBytes(("qingfeng-demo-unit:" + code).getBytes(StandardCharsets.UTF_8));
    }

    void onStart(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) StartupEvent start) {
        if (config.demoData().enabled()) {
            story.tell(this::seed);
        }
    }

    void seed() {
        // Several instances may start together: one seeds, the others find the tree there.
        units.lockTree();
        if (!units.isEmpty()) {
            return;
        }
        story.on(400, 9, DemoStory.ADMIN, () -> {
            int order = 0;
            for (String[] row : UNITS) {
                service.create(new UnitRequests.Create(row[0], row[1], UnitKind.valueOf(row[2]),
                        row[3] == null ? null : idOf(row[3]), order++), idOf(row[0]));
            }
            return null;
        });
        LOG.infof("seeded the demo organisation (%d units)", UNITS.size());
    }
}
