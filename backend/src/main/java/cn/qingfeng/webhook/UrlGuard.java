package cn.qingfeng.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard of receiver URLs: http(s) only, no credentials in the URL, and no host that
 * resolves to a loopback, link-local, private, shared or otherwise internal address — unless an
 * admin allowed that host by name. Checked when a subscription is saved and again before every
 * delivery (an address may have changed since).
 */
@ApplicationScoped
public class UrlGuard {

    @Inject
    EntityManager em;

    /** Why the URL may not receive events, in words for the admin; empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("地址格式不正确");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("只支持 http 或 https 地址");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("地址缺少主机名");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("地址中不能包含用户名或密码");
        }
        String host = host(uri);
        if (allowed(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("无法解析主机名 " + host);
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                return Optional.of("主机 " + host + " 解析到内网或本机地址（" + a.getHostAddress()
                        + "），需由管理员将该主机加入允许列表");
            }
        }
        return Optional.empty();
    }

    /** The host as the allow-list keeps it: lower case, IPv6 without brackets. */
    public static String host(URI uri) {
        String h = uri.getHost().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    boolean allowed(String host) {
        return em.find(AllowedHostEntity.class, host) != null;
    }

    /** Addresses no receiver may have without an explicit allowance. */
    public static boolean internal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this" network
                    || (first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))   // benchmarking
                    || first >= 240;                                       // reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean mappedOrNat64 = isV4Mapped(b) || isNat64(b);
            if (mappedOrNat64) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isNat64(byte[] b) {
        // 64:ff9b::/96
        return b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && java.util.stream.IntStream.range(4, 12).allMatch(i -> b[i] == 0);
    }
}
