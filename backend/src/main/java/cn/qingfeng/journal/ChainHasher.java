package cn.qingfeng.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash of one link of the journal chain: SHA-256 over the previous link's hash and the event's
 * columns as the database returns them (so sealing and verifying read exactly the same text).
 */
final class ChainHasher {

    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The columns an event is sealed over, in order; {@code changes} is read as {@code changes::text}. */
    static final String COLUMNS = "e.seq, e.id::text, to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
            + "e.actor_subject, e.actor_name, e.client, e.client_id, e.action, e.entity_type, e.entity_id, "
            + "e.unit_id::text, e.changes::text, e.request_id";

    private ChainHasher() {
    }

    /** {@code row}: the values of {@link #COLUMNS} for one event. */
    static String hash(String previous, Object[] row) {
        try {
            String canonical = JSON.writeValueAsString(Arrays.stream(row).map(v -> v == null ? null : v.toString()).toList());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
