package io.convene.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * The asadmin commands that connect Payara (Micro as post-boot commands, or Server) to the Artemis
 * broker: Artemis's resource adapter {@value #RESOURCE_ADAPTER}, pointed at the broker, and the
 * pooled connection factory {@value #CONNECTION_FACTORY} that Convene's producers use. MDBs name
 * the adapter in their activation config.
 */
public final class BrokerResources {

    public static final String RESOURCE_ADAPTER = "artemis-rar";
    public static final String CONNECTION_FACTORY = "jms/convene";

    private BrokerResources() {
    }

    /** @param password the broker password, or an expression Payara resolves (e.g. {@code ${ENV=...}}) */
    public static List<String> commands(SuiteSettings settings, String password) {
        return commands(settings.runtimeDir().resolve(RESOURCE_ADAPTER + ".rar"), settings.brokerHost(),
                settings.brokerPort(), settings.brokerUser(), password);
    }

    /** @param rar the resource adapter archive (built by the {@code artemis-rar} module) */
    public static List<String> commands(Path rar, String host, int port, String user, String password) {
        return commands(rar, host, String.valueOf(port), user, password);
    }

    /** @param port the broker's port, or an expression Payara resolves (the container image's {@code ${ENV=...}}) */
    public static List<String> commands(Path rar, String host, String port, String user, String password) {
        return List.of(
                "create-resource-adapter-config --property ConnectionParameters=host\\=" + host
                        + ";port\\=" + port + ":UserName=" + user + ":Password=" + password + " " + RESOURCE_ADAPTER,
                "deploy --type rar --name " + RESOURCE_ADAPTER + " " + rar.toAbsolutePath(),
                "create-connector-connection-pool --raname " + RESOURCE_ADAPTER
                        + " --connectiondefinition jakarta.jms.ConnectionFactory --transactionsupport XATransaction"
                        // the pool signs its connections on with these (container-managed sign-on); a consumer
                        // takes a message when it asks for one: nothing is held in its buffer, and closing it
                        // gives nothing back (the notices a busy session takes along)
                        + " --property UserName=" + user + ":Password=" + password + ":ConsumerWindowSize=0"
                        + " jms/conveneConnectionPool",
                "create-connector-resource --poolname jms/conveneConnectionPool " + CONNECTION_FACTORY);
    }
}
