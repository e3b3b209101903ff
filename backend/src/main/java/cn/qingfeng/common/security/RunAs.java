package cn.qingfeng.common.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Server work done for a named person, outside an HTTP request (the demo data's stories; later a
 * background import for the user who started it): a request context of its own with that
 * person's identity, so the services apply the same roles, scope and journal as for a request.
 * Journaled as client SYSTEM, or as the client the person used ({@link OnBehalf}).
 */
public final class RunAs {

    static final String SUBJECT = "qingfeng.subject";
    static final String NAME = "qingfeng.name";
    static final String UNIT = "qingfeng.unit";
    static final String CLIENT = "qingfeng.client";
    static final String CLIENT_ID = "qingfeng.clientId";
    static final String CORRELATION = "qingfeng.correlation";

    private RunAs() {
    }

    /** Someone to act as: a username, a display name, a unit code (null for none) and realm roles. */
    public record Person(String username, String name, String unitCode, Set<String> roles) {
    }

    /**
     * Work a person started through a client and left to the server (a bulk import): journaled as
     * that client, under the person's own subject, with the work's id where a request id would be.
     */
    public record OnBehalf(String subject, ClientKind client, String clientId, String correlationId) {
    }

    public static <T> T as(Person person, Supplier<T> work) {
        return as(person, null, work);
    }

    public static <T> T as(Person person, OnBehalf onBehalf, Supplier<T> work) {
        ManagedContext requests = Arc.container().requestContext();
        // A context already active (e.g. around startup observers) is set aside, then restored.
        InjectableContext.ContextState outer = requests.isActive() ? requests.getState() : null;
        if (outer != null) {
            requests.deactivate();
        }
        requests.activate();
        try {
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(person.username()))
                    .addRoles(person.roles())
                    .addAttribute(SUBJECT, onBehalf == null ? "server:" + person.username() : onBehalf.subject())
                    .addAttribute(NAME, person.name());
            if (onBehalf != null) {
                identity.addAttribute(CLIENT, onBehalf.client().name()).addAttribute(CORRELATION, onBehalf.correlationId());
                if (onBehalf.clientId() != null) {
                    identity.addAttribute(CLIENT_ID, onBehalf.clientId());
                }
            }
            if (person.unitCode() != null) {
                identity.addAttribute(UNIT, person.unitCode());
            }
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity.build());
            return work.get();
        } finally {
            requests.terminate();
            if (outer != null) {
                requests.activate(outer);
            }
        }
    }
}
