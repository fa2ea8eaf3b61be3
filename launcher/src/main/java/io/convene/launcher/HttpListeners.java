package io.convene.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * How Payara's HTTP listeners present themselves, as asadmin {@code set} commands (Payara Micro: as
 * pre-boot commands, protocols {@code http-listener} and {@code https-listener}; Payara Server:
 * {@code http-listener-1} and {@code http-listener-2}): no {@code Server} or {@code X-Powered-By}
 * header naming the server, and, only when the operator says a TLS proxy in front sets it, the
 * scheme taken from {@code X-Forwarded-Proto} (then the console's session cookie is {@code Secure}).
 * The JVM option {@link #NO_PRODUCT_NAME} keeps the product's name off Payara's own error pages too.
 */
public final class HttpListeners {

    /** An empty product name: Payara's error pages then name no server. */
    public static final String NO_PRODUCT_NAME = "-Dproduct.name=";

    private HttpListeners() {
    }

    /** No server name in any answer of these protocols. */
    public static List<String> anonymous(String... protocols) {
        List<String> commands = new ArrayList<>();
        for (String protocol : protocols) {
            String http = "set configs.config.server-config.network-config.protocols.protocol." + protocol + ".http.";
            commands.add(http + "server-header=false");
            commands.add(http + "xpowered-by=false");
        }
        return commands;
    }

    /**
     * The request's scheme from the {@code X-Forwarded-Proto} header: only behind a proxy that always
     * sets it (anybody else could claim https).
     */
    public static String schemeFromForwardedProto(String protocol) {
        return "set configs.config.server-config.network-config.protocols.protocol." + protocol
                + ".http.scheme-mapping=X-Forwarded-Proto";
    }
}
