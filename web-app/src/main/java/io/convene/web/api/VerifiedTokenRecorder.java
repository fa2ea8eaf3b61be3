package io.convene.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * Remembers each bearer token Payara's MicroProfile JWT store has verified ({@link VerifiedTokens}).
 * Jakarta Security asks a store that only provides groups after every successful validation, with
 * the validating store's result; this one adds no group.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements IdentityStore {

    @Inject
    VerifiedTokens tokens;

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        tokens.remember(validationResult.getCallerPrincipal(), validationResult.getCallerGroups());
        return Set.of();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.PROVIDE_GROUPS);
    }
}
