package cn.qingfeng.bulk.importing;

import cn.qingfeng.bulk.UnitDirectory;
import cn.qingfeng.common.problem.ProblemException;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/** What every row of one import shares: the units, the API's validator and the conflict mode. */
public record ImportContext(UnitDirectory units, Validator validator, Conflict conflict) {

    /** The source of references the file gives without one, and of the fingerprints of rows that give none. */
    public static final String SOURCE = "IMPORT";

    public RowValues values(SheetRow row, int groupRow, List<RowProblem> problems) {
        return new RowValues(row, groupRow, units, problems);
    }

    /** Stops the record when any of its rows had a problem. */
    public void check(List<RowProblem> problems) {
        if (!problems.isEmpty()) {
            throw new RowRefused(problems);
        }
    }

    /** How a row's record is known: its code, its source and reference, or (neither given) a fingerprint of what identifies it. */
    public record Key(String code, String source, String ref) {
    }

    /**
     * A row without code or reference is known by a fingerprint of its identifying cells, kept as its
     * reference under source IMPORT: importing the same file again finds the same records.
     */
    public Key key(String code, String source, String ref, Supplier<String> identity) {
        if (code != null) {
            return new Key(code, source == null && ref != null ? SOURCE : source, ref);
        }
        if (ref != null) {
            return new Key(null, source == null ? SOURCE : source, ref);
        }
        return new Key(null, SOURCE, "auto-" + fingerprint(identity.get()));
    }

    static String fingerprint(String identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code given for a record that does not exist: the row is refused (a new record has no code yet). */
    public void noSuchCode(RowValues v, List<RowProblem> problems, String code, String what) {
        if (code != null) {
            v.problem("code", code, "import.unknown-code", "编号 " + code + " 不存在（新" + what + "请不填编号）");
            check(problems);
        }
    }

    /**
     * What a row does with the record it names, by the import's conflict mode, for every ledger:
     * STOP refuses the row, SKIP leaves the record ({@code skipped}), UPDATE applies the row.
     */
    public Outcome onExisting(RowValues v, List<RowProblem> problems, String code, String ref, String what, Outcome skipped,
                              Supplier<Outcome> update) {
        return switch (conflict) {
            case STOP -> {
                v.problem(code != null ? "code" : "externalRef", code != null ? code : ref, "import.exists",
                        what + "已存在（" + skipped.code() + "），如需更新请选择“更新”");
                check(problems);
                throw new IllegalStateException("unreachable");
            }
            case SKIP -> skipped;
            case UPDATE -> update.get();
        };
    }

    /** A service's refusal, as the row's problems. */
    public RowRefused refused(RowValues row, ProblemException e) {
        return new RowRefused(row.refused(e));
    }

    /** The row's value when it changes the record's, else null (the Update requests' "absent: stays"). */
    public static <T> T changed(T row, T record) {
        return row != null && !row.equals(record) ? row : null;
    }
}
