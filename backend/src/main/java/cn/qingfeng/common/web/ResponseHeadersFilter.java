package cn.qingfeng.common.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adds the ETag of single-record responses, so no resource has to remember it. */
public class ResponseHeadersFilter {

    @ServerResponseFilter
    public void etag(ContainerResponseContext response) {
        if (response.getEntity() instanceof Versioned v && response.getHeaderString(HttpHeaders.ETAG) == null
                && response.getStatus() < 300) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, ETags.of(v.version()));
        }
    }
}
