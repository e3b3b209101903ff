package cn.qingfeng.common.ledger;

import java.util.Set;

/** Who is asking, as far as a precondition needs to know (e.g. 申请人不能核验自己的申请). */
public record Caller(String subject, Set<String> roles) {

    /** The server's own work (scheduled jobs): no person, no role. */
    public static final Caller SYSTEM = new Caller(null, Set.of());
}
