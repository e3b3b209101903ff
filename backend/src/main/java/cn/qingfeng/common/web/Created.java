package cn.qingfeng.common.web;

import cn.qingfeng.common.config.QingfengConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The 201 answer of a creation: the record, its ETag, and a Location under the configured public
 * URL ({@code qingfeng.http.public-url}) — a Host header a client sent never shapes it.
 */
@ApplicationScoped
public class Created {

    @Inject
    QingfengConfig config;

    public <T extends Versioned> RestResponse<T> at(String path, T entity) {
        String base = config.http().publicUrl().replaceAll("/+$", "");
        return RestResponse.ResponseBuilder.<T>created(URI.create(base + path)).entity(entity).tag(ETags.of(entity.version())).build();
    }
}
