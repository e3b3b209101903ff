package cn.qingfeng.me;

import cn.qingfeng.access.ApiAccess;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.unit.UnitCallerScope;
import cn.qingfeng.unit.UnitRef;
import cn.qingfeng.unit.UnitService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "个人信息: the caller")
public class MeResource {

    @Inject
    CurrentUser user;

    @Inject
    UnitCallerScope scope;

    @Inject
    UnitService units;

    @GET
    @Authenticated
    @Operation(operationId = "getMe", summary = "The caller: name, unit, roles and data scope")
    public MeView me() {
        DataScope s = scope.current();
        List<UnitRef> visible = s.all() ? List.of() : units.refs(s);
        return new MeView(user.subject(), user.username(), user.displayName(),
                scope.ownUnit().map(UnitRef::of).orElse(null), user.roles(), user.clientKind().name(),
                new MeView.Scope(s.all(), visible), ApiAccess.permitted(user.roles()));
    }
}
