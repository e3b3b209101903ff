package cn.qingfeng.demo;

import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.security.RunAs;
import cn.qingfeng.common.security.RunAs.Person;
import cn.qingfeng.common.time.AppClock;
import cn.qingfeng.common.time.ShiftableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How the demo data is told: through the services, by the people of the demo organisation, on
 * the days things happened (the clock set back for the story's thread). So the demo obeys every
 * rule a user meets, and its journal reads like a real one. Each ledger's story runs in one
 * transaction, seeded once.
 */
@ApplicationScoped
public class DemoStory {

    public static final Person ADMIN = person("admin", "张伟", "SJ-BGS", Roles.ADMIN);
    public static final Person LI_MING = person("jiandu", "李明", "SJ-JGDW", Roles.SUPERVISOR);
    public static final Person ZHAO_MIN = person("jiandu2", "赵敏", "SJ-JJZ", Roles.SUPERVISOR);
    public static final Person LIU_YANG = person("cg_officer", "刘洋", "SJ-CGZX", Roles.UNIT_OFFICER);
    public static final Person CHEN_JING = person("xx_officer", "陈静", "SJ-YDXX", Roles.UNIT_OFFICER);
    public static final Person SUN_LEI = person("bgs_officer", "孙磊", "SJ-BGS", Roles.UNIT_OFFICER);
    /** Officers of units without a demo login: they appear in the story, nobody signs in as them. */
    public static final Person ZHOU_LI = person("dyzb_officer", "周丽", "SJ-JG-DYZB", Roles.UNIT_OFFICER);
    public static final Person QIAN_LIANG = person("xlzx_officer", "钱亮", "SJ-XLZX", Roles.UNIT_OFFICER);

    @Inject
    ShiftableClock clock;

    private static Person person(String username, String name, String unit, String role) {
        return new Person(username, name, unit, Set.of(role));
    }

    /** The calendar day {@code daysAgo} before today (Asia/Shanghai), also from inside a story step. */
    public LocalDate day(int daysAgo) {
        return clock.unshifted().atZone(AppClock.ZONE).toLocalDate().minusDays(daysAgo);
    }

    /** What {@code who} did {@code daysAgo} at {@code hour} o'clock (today: no later than now). */
    public <T> T on(int daysAgo, int hour, Person who, Supplier<T> act) {
        Instant at = day(daysAgo).atTime(hour, 0).atZone(AppClock.ZONE).toInstant();
        Instant now = clock.unshifted();
        return clock.asOf(at.isAfter(now) ? now : at, () -> RunAs.as(who, act));
    }

    /** A ledger's whole story in one transaction: all of it, or none (several instances may start together). */
    public void tell(Runnable story) {
        QuarkusTransaction.requiringNew().run(story);
    }

    /** A file to upload, as a browser would send it (removed when the server stops). */
    public static java.nio.file.Path file(byte[] content) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("qingfeng-demo-", ".bin");
            f.toFile().deleteOnExit();
            return java.nio.file.Files.write(f, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A small PDF standing for a scanned document. */
    public static byte[] pdf(String title) {
        return ("%PDF-1.4\n% 清风演示材料：" + title + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
