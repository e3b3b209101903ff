package cn.qingfeng.webhook;

import java.util.Optional;

/** Maps a Qingfeng username to the OA login it is known by (the OA people mapping implements it). */
public interface OaLogins {
    Optional<String> oaLoginOf(String username);
}
