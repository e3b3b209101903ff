package cn.qingfeng.webhook;

import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.web.Created;
import cn.qingfeng.common.web.ETags;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "对外推送: subscriptions to the journal's events (Standard Webhooks, or an OA's to-do API), "
        + "the delivery log and replays")
public class WebhookResource {

    private static final String HOST = "[A-Za-z0-9.:-]{1,255}";
    private static final String HOST_MESSAGE = "主机名只能包含字母、数字、点、冒号和连字符";

    @Inject
    WebhookService service;

    @Inject
    Created created;

    @GET
    @Path("/subscriptions")
    @PermissionsAllowed("listWebhookSubscriptions")
    @Operation(operationId = "listWebhookSubscriptions", summary = "Subscriptions, newest first")
    public Page<WebhookViews.Subscription> list(@BeanParam PageParams page) {
        return service.list(page);
    }

    @POST
    @Path("/subscriptions")
    @PermissionsAllowed("createWebhookSubscription")
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a receiver to events",
            description = "Answers the signing secret once. 400 webhook.url-not-allowed when the URL resolves to a loopback, "
                    + "link-local or private address and its host is not on the allowed list.")
    @APIResponse(responseCode = "201", description = "Created, with its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookViews.SubscriptionWithSecret.class)))
    public RestResponse<WebhookViews.SubscriptionWithSecret> create(@Valid @NotNull WebhookRequests.Create request) {
        WebhookViews.SubscriptionWithSecret s = service.create(request);
        return created.at("/api/v1/webhooks/subscriptions/" + s.subscription().id(), s);
    }

    @GET
    @Path("/subscriptions/{id}")
    @PermissionsAllowed("getWebhookSubscription")
    @Operation(operationId = "getWebhookSubscription", summary = "A subscription with its delivery counts")
    public WebhookViews.Subscription get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/subscriptions/{id}")
    @PermissionsAllowed("updateWebhookSubscription")
    @Operation(operationId = "updateWebhookSubscription", summary = "Edit a subscription; status ACTIVE enables it again (e.g. after a 410)")
    public WebhookViews.Subscription update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @Valid @NotNull WebhookRequests.Update request) {
        return service.update(id, ETags.ifMatch(ifMatch), request);
    }

    @POST
    @Path("/subscriptions/{id}/rotate-secret")
    @PermissionsAllowed("rotateWebhookSecret")
    @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret; the old one signs beside it until previousSecretValidUntil")
    public WebhookViews.SubscriptionWithSecret rotate(@PathParam("id") UUID id) {
        return service.rotate(id);
    }

    @POST
    @Path("/subscriptions/{id}/test")
    @PermissionsAllowed("sendWebhookTest")
    @Operation(operationId = "sendWebhookTest", summary = "Send a webhook.test event to this subscription only")
    public WebhookViews.Delivery test(@PathParam("id") UUID id) {
        return service.test(id);
    }

    @GET
    @Path("/deliveries")
    @PermissionsAllowed("listWebhookDeliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest first")
    public Page<WebhookViews.Delivery> deliveries(@QueryParam("subscriptionId") UUID subscriptionId,
                                                  @QueryParam("status") DeliveryEntity.Status status,
                                                  @QueryParam("eventType") @jakarta.validation.constraints.Size(max = 100) String eventType,
                                                  @QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to,
                                                  @BeanParam PageParams page) {
        return service.deliveries(subscriptionId, status, eventType, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(), page);
    }

    @GET
    @Path("/deliveries/{id}")
    @PermissionsAllowed("getWebhookDelivery")
    @Operation(operationId = "getWebhookDelivery", summary = "A delivery with its payload and every attempt")
    public WebhookViews.DeliveryDetail delivery(@PathParam("id") UUID id) {
        return service.delivery(id);
    }

    @POST
    @Path("/deliveries/{id}/replay")
    @PermissionsAllowed("replayWebhookDelivery")
    @Operation(operationId = "replayWebhookDelivery", summary = "Deliver again now, with the same webhook-id")
    public WebhookViews.Delivery replay(@PathParam("id") UUID id) {
        return service.replay(id);
    }

    @POST
    @Path("/deliveries/replay")
    @PermissionsAllowed("replayWebhookDeliveries")
    @Operation(operationId = "replayWebhookDeliveries", summary = "Deliver again a subscription's deliveries created in a time range")
    public WebhookViews.ReplayResult replayRange(@Valid @NotNull WebhookRequests.ReplayRange request) {
        return service.replay(request);
    }

    @GET
    @Path("/allowed-hosts")
    @PermissionsAllowed("listWebhookAllowedHosts")
    @Operation(operationId = "listWebhookAllowedHosts", summary = "Hosts allowed as receivers although they resolve to internal addresses")
    public WebhookViews.AllowedHostList hosts() {
        return service.hosts();
    }

    @PUT
    @Path("/allowed-hosts/{host}")
    @PermissionsAllowed("allowWebhookHost")
    @Operation(operationId = "allowWebhookHost", summary = "Allow a host (e.g. a test receiver on this machine) as a receiver")
    public WebhookViews.AllowedHost allow(@PathParam("host") @Pattern(regexp = HOST, message = HOST_MESSAGE) String host,
                                          @Valid @NotNull WebhookRequests.AllowHost request) {
        return service.allow(host, request.note());
    }

    @DELETE
    @Path("/allowed-hosts/{host}")
    @PermissionsAllowed("disallowWebhookHost")
    @Operation(operationId = "disallowWebhookHost", summary = "Remove a host from the allowed list")
    @APIResponse(responseCode = "204", description = "Removed")
    public void disallow(@PathParam("host") @Pattern(regexp = HOST, message = HOST_MESSAGE) String host) {
        service.disallow(host);
    }

    @GET
    @Path("/event-types")
    @PermissionsAllowed("listWebhookEventTypes")
    @Operation(operationId = "listWebhookEventTypes", summary = "Every event type a subscription can ask for")
    public WebhookViews.EventTypeList eventTypes() {
        return new WebhookViews.EventTypeList(EventCatalog.all());
    }
}
