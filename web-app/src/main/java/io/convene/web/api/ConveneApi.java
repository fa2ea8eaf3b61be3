package io.convene.web.api;

import io.convene.shared.Caller;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API: bearer tokens from Keycloak, checked with MicroProfile JWT. The class must be a CDI
 * bean for Payara to apply {@code @LoginConfig}; a token this node verified lately is not verified
 * again ({@link VerifiedTokenStore}). The resources are application-scoped: one instance of each
 * serves every call (Jersey gives them the current request's {@code UriInfo} and servlet request as
 * proxies), so no call pays for making and injecting one. The OpenAPI document is written by hand in
 * META-INF/openapi.yaml (see docs/openapi.md for why).
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "convene")
@DeclareRoles({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER})
public class ConveneApi extends Application {
}
