package cn.qingfeng.bare;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The request both applications are timed on: a lookup by id with a Keycloak bearer token. */
@Path("/api/items")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    public record ItemView(UUID id, String title) {}

    @GET
    @Path("{id}")
    public ItemView get(@PathParam("id") UUID id) {
        Item item = Item.findById(id);
        if (item == null) {
            throw new NotFoundException();
        }
        return new ItemView(item.id, item.title);
    }
}
