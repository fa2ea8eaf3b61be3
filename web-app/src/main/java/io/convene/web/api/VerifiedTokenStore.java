package io.convene.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asked before Payara's MicroProfile JWT store (a lower {@link #priority()}): a bearer token this node
 * verified lately is valid with what its verification gave ({@link VerifiedTokens}); any other
 * credential is left to Payara's store, which verifies it in full ({@link VerifiedTokenRecorder}
 * then remembers it).
 */
@ApplicationScoped
public class VerifiedTokenStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(VerifiedTokenStore.class.getName());

    /** Payara's credential for a bearer token; its class is Payara's own, so it is read by name. */
    static final String PAYARA_CREDENTIAL = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";

    private static volatile MethodHandle signedToken;

    @Inject
    VerifiedTokens tokens;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        return tokenOf(credential).flatMap(tokens::of)
                .map(verified -> new CredentialValidationResult(verified.principal(), verified.groups()))
                .orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }

    @Override
    public int priority() {
        return 10;
    }

    /** Both: the groups of a valid result are taken only from a store that says it provides them. */
    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    /** The token of Payara's bearer credential; nothing for any other (or if Payara's accessor is gone). */
    static Optional<String> tokenOf(Credential credential) {
        if (credential == null || !PAYARA_CREDENTIAL.equals(credential.getClass().getName())) {
            return Optional.empty();
        }
        try {
            MethodHandle accessor = signedToken;
            if (accessor == null || accessor.type().parameterType(0) != credential.getClass()) {
                accessor = MethodHandles.publicLookup().findVirtual(credential.getClass(), "getSignedJWT",
                        MethodType.methodType(String.class));
                signedToken = accessor;
            }
            return Optional.ofNullable((String) accessor.invoke(credential));
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "Bearer tokens are verified in full at every call: Payara's credential has no token accessor", e);
            return Optional.empty();
        }
    }
}
