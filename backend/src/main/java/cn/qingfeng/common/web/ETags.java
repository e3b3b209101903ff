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

    /** {@link #ifMatch} of a request without If-Match (or {@code *}). */
    static final long MISSING = -1;
    /** {@link #ifMatch} of an If-Match that names no version of ours (e.g. a weak tag). */
    static final long MALFORMED = -2;

    /**
     * The version an If-Match header names. What is wrong with it is answered by {@link #check},
     * after the caller's scope and role were checked: a caller who may not act learns nothing else.
     */
    public static long ifMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return MISSING;
        }
        Matcher m = TAG.matcher(ifMatch);
        return m.matches() ? Long.parseLong(m.group(1)) : MALFORMED;
    }

    /**
     * 428 without If-Match (a client must say which version it edited, or lost updates go
     * unnoticed), 412 unless the record is still at the version the client edited.
     */
    public static void check(long expected, long current) {
        if (expected == MISSING) {
            throw new ProblemException(428, "precondition-required", "Precondition Required",
                    "修改需要携带 If-Match（记录的 ETag）");
        }
        if (expected == MALFORMED) {
            throw new ProblemException(412, "precondition-failed", "Precondition Failed",
                    "If-Match 不是该记录的版本，请刷新后重试");
        }
        if (expected != current) {
            throw new ProblemException(412, "precondition-failed", "Precondition Failed",
                    "该记录已被他人修改，请刷新后重试");
        }
    }
}
