package cn.qingfeng.common.paging;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.problem.ProblemException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque keyset cursors: the sort and the last item's key values, signed with an HMAC so a
 * client cannot forge or edit one (a tampered cursor answers 400).
 */
@ApplicationScoped
public class Cursors {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    @Inject
    QingfengConfig config;

    @Inject
    ObjectMapper json;

    /** Encodes the sort spec and key values of the last item of a page. */
    public String encode(String sort, List<String> keys) {
        List<String> payload = new ArrayList<>();
        payload.add(sort);
        payload.addAll(keys);
        try {
            byte[] body = json.writeValueAsBytes(payload);
            return B64.encodeToString(body) + "." + B64.encodeToString(sign(body));
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode cursor", e);
        }
    }

    /** The key values of a cursor made for the same sort; anything else answers 400. */
    public List<String> decode(String cursor, String sort) {
        try {
            int dot = cursor.indexOf('.');
            if (dot < 1) {
                throw invalid();
            }
            byte[] body = B64D.decode(cursor.substring(0, dot));
            byte[] signature = B64D.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(body))) {
                throw invalid();
            }
            List<String> payload = json.readValue(body, new TypeReference<List<String>>() { });
            if (payload.isEmpty() || !payload.get(0).equals(sort)) {
                throw ProblemException.badRequest("cursor.sort-changed",
                        "排序方式已改变，请从第一页重新开始");
            }
            return payload.subList(1, payload.size());
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("cursor.invalid", "分页游标无效，请从第一页重新开始");
    }

    private byte[] sign(byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(config.pagination().cursorSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Arrays.copyOf(mac.doFinal(body), 16);
    }
}
