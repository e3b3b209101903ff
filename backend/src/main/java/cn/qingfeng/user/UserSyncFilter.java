package cn.qingfeng.user;

import cn.qingfeng.common.security.CurrentUser;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** After each authenticated API call, keeps the caller's local profile current. */
public class UserSyncFilter {

    private static final Logger LOG = Logger.getLogger(UserSyncFilter.class);

    @Inject
    CurrentUser caller;

    @Inject
    UserDirectory directory;

    @ServerResponseFilter
    public void sync() {
        // Requests answered on the event loop (unmatched paths, early refusals) did no work worth
        // recording, and the profile write would block the loop.
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            return;
        }
        try {
            if (caller.authenticated()) {
                directory.touch(caller);
            }
        } catch (RuntimeException e) {
            // A profile that could not be refreshed must never fail the caller's request.
            LOG.warnf("could not refresh the caller's profile: %s", e.toString());
        }
    }
}
