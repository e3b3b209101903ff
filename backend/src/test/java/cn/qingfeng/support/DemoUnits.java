package cn.qingfeng.support;

import cn.qingfeng.demo.DemoOrganisation;
import java.util.UUID;

/** Ids of the demo organisation the test profile seeds. */
public final class DemoUnits {
    public static final UUID BUREAU = DemoOrganisation.idOf("SJ");
    public static final UUID OFFICE = DemoOrganisation.idOf("SJ-BGS");
    public static final UUID VENUES = DemoOrganisation.idOf("SJ-CGZX");
    public static final UUID VENUES_BRANCH = DemoOrganisation.idOf("SJ-CGZX-DZB");
    public static final UUID SCHOOL = DemoOrganisation.idOf("SJ-YDXX");
    public static final UUID SCHOOL_BRANCH = DemoOrganisation.idOf("SJ-YDXX-DZB");

    private DemoUnits() {
    }
}
