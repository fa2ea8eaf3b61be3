package io.convene.integration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Connect or disconnect a provider: for the organisation (administrators; chat tools) or for the
 * caller (calendars). {@code settings} are the provider's (Slack: {@code channel}); {@code secret}
 * its token, stored sealed and never returned; {@code signingSecret} (Slack) verifies the requests of
 * the {@code /convene} slash command, sealed too; left out when connecting again, the one given
 * before is kept (disconnecting removes it).
 */
public record ConnectRequest(
        @NotNull Provider provider,
        @NotNull Action action,
        @Size(max = 20) Map<@Size(max = 40) String, @Size(max = 500) String> settings,
        @Size(max = 4000) String secret,
        @Size(max = 200) String signingSecret) {

    /** Connect (or replace the connection) or disconnect. */
    public enum Action { CONNECT, DISCONNECT }
}
