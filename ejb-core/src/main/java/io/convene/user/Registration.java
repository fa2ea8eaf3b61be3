package io.convene.user;

import io.convene.shared.IanaTimeZone;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Self-registration: what a new user gives. */
public record Registration(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 12, max = 128) String password,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 64) @IanaTimeZone String timeZone) {
}
