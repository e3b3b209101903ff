package cn.qingfeng.common.security;

import java.util.Set;

/** Keycloak realm roles (see DESIGN.md "Who uses it"). */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String LEADER = "leader";
    public static final String UNIT_OFFICER = "unit_officer";
    public static final String VIEWER = "viewer";
    public static final String AUDITOR = "auditor";
    public static final String INTEGRATION = "integration";
    public static final String IMPORTER = "importer";

    /** Roles whose holders see every unit's records (DESIGN.md "Data scope"). */
    public static final Set<String> SEE_ALL = Set.of(ADMIN, SUPERVISOR, LEADER, AUDITOR);
    /** Service-account roles that act for the whole bureau when the token names no unit (OA, import scripts). */
    public static final Set<String> SERVICE = Set.of(INTEGRATION, IMPORTER);
    /** Roles whose holders see only their own unit and the units below it. */
    public static final Set<String> SEE_SUBTREE = Set.of(UNIT_OFFICER, VIEWER);
    /** Every role of the realm, in the order the UI lists them. */
    public static final Set<String> ALL = Set.of(ADMIN, SUPERVISOR, LEADER, UNIT_OFFICER, VIEWER, AUDITOR, INTEGRATION, IMPORTER);

    private Roles() {
    }
}
