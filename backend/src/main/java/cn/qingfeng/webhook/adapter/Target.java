package cn.qingfeng.webhook.adapter;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where and how one subscription receives events.
 *
 * @param url        the subscription's URL (already checked against the SSRF guard); OA adapters take it as the OA's base URL
 * @param settings   adapter settings kept on the subscription (e.g. {@code syscode}, {@code registerCode},
 *                   {@code userName}/{@code password} for Seeyon's token, {@code workflowname})
 * @param secrets    signing secrets ({@code whsec_…}), newest first; two during a rotation's overlap
 * @param http       the client to send with (redirects off; the dispatcher owns its lifetime)
 * @param timeout    per-request timeout (≤ 15 s)
 * @param publicUrl  the SPA's public base URL, for absolute links ({@code pcurl}, {@code appurl}, {@code link})
 * @param oaLogin    a Qingfeng username → the OA login id it is mapped to (empty: not mapped; send the username)
 */
public record Target(URI url, Map<String, String> settings, List<String> secrets, HttpClient http, Duration timeout,
                     String publicUrl, Function<String, Optional<String>> oaLogin) {

    public String setting(String key, String fallback) {
        String v = settings.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The OA login of a Qingfeng user, or the username itself when no mapping exists. */
    public String loginOf(String username) {
        return username == null ? null : oaLogin.apply(username).orElse(username);
    }
}
