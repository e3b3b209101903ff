package cn.qingfeng.common.web;

import cn.qingfeng.common.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ETag / If-Match handling: every update names the version it was based on. */
public final class ETags {

    /** Strong tags only: RFC 9110 compares If-Match strongly, a weak tag never matches. */
    private static final Pattern TAG = Pattern.compile("^\\s*\"(\\d{1,18})\"\\s*$");

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an If-Match header names. Missing (or {@code *}) answers 428: a client must say
     * which version it edited, or lost updates go unnoticed.
     */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            throw new ProblemException(428, "precondition-required", "Precondition Required",
                    "修改需要携带 If-Match（记录的 ETag）");
        }
        Matcher m = TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw new ProblemException(412, "precondition-failed", "Precondition Failed",
                    "If-Match 不是该记录的版本，请刷新后重试");
        }
        return Long.parseLong(m.group(1));
    }

    /** 412 unless the record is still at the version the client edited. */
    public static void check(long expected, long current) {
        if (expected != current) {
            throw new ProblemException(412, "precondition-failed", "Precondition Failed",
                    "该记录已被他人修改，请刷新后重试");
        }
    }
}
