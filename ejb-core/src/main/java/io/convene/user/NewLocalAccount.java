package io.convene.user;

import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A local account an administrator creates (for people outside every directory): a temporary
 * password they change at their first sign-in, and realm roles.
 */
public record NewLocalAccount(
        @Size(max = 254) String email,
        @Size(max = 200) String name,
        @Size(max = 128) String temporaryPassword,
        @NotNull Set<@Size(max = 40) String> roles) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** Every problem at once, each named by its field. */
    void check() {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (email == null || !EMAIL.matcher(email.trim()).matches() || email.trim().length() > 254) {
            errors.add(new InvalidInputException.FieldError("email", "must be an e-mail address"));
        }
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            errors.add(new InvalidInputException.FieldError("name", "must be given, at most 200 characters"));
        }
        if (temporaryPassword == null || temporaryPassword.length() < 12 || temporaryPassword.length() > 128) {
            errors.add(new InvalidInputException.FieldError("temporaryPassword", "must be 12 to 128 characters"));
        }
        if (roles == null || !Caller.REALM_ROLES.containsAll(roles)) {
            errors.add(new InvalidInputException.FieldError("roles", "must be among " + new TreeSet<>(Caller.REALM_ROLES)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
