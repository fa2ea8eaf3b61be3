package io.convene.launcher;

import java.util.List;

/**
 * The asadmin commands that give Payara (Micro as pre-boot commands, or Server) Convene's database:
 * a connection pool of the server's own, sized by the operator ({@code convene.db.pool-min}
 * connections kept open, at most {@code convene.db.pool-max}), and the resource
 * {@value #DATA_SOURCE} that Convene looks up. The PostgreSQL driver ({@value #DRIVER}) and the pool's
 * connection check ({@value #POOL_CHECK}) must be on the server's class path (Payara Micro's
 * {@code --addlibs}, Payara Server's {@code lib} folder): {@link #LIBRARIES}. The
 * address and credentials stay MicroProfile Config names that Payara resolves when it connects, so
 * no secret is written here (Payara Micro resolves {@code ${...}} in post-boot commands, not in pre-boot
 * ones). An application-defined data source cannot take its sizes from
 * settings: Payara reads them as numbers.
 */
public final class DatabaseResources {

    public static final String DATA_SOURCE = "jdbc/convene";
    public static final String DRIVER = "postgresql.jar";
    public static final String POOL_CHECK = "convene-pool-check.jar";
    /** What the server's class path needs for the pool, in the launcher's runtime folder. */
    public static final List<String> LIBRARIES = List.of(DRIVER, POOL_CHECK);
    static final String POOL = "convene-pool";
    static final int DEFAULT_MIN = 2;
    static final int DEFAULT_MAX = 32;
    static final int DEFAULT_SOCKET_TIMEOUT = 60;

    private DatabaseResources() {
    }

    /** {@link #LIBRARIES} in {@code runtime}, as Payara Micro's {@code --addlibs} takes them. */
    public static String addlibs(java.nio.file.Path runtime) {
        return String.join(":", LIBRARIES.stream().map(library -> runtime.resolve(library).toString()).toList());
    }

    /** With the sizes and the socket timeout the operator set, or the defaults. */
    public static List<String> commands() {
        return commands(SuiteSettings.intSetting("convene.db.pool-min", DEFAULT_MIN),
                SuiteSettings.intSetting("convene.db.pool-max", DEFAULT_MAX),
                SuiteSettings.intSetting("convene.db.socket-timeout", DEFAULT_SOCKET_TIMEOUT));
    }

    /** With the default socket timeout. */
    public static List<String> commands(int min, int max) {
        return commands(min, max, DEFAULT_SOCKET_TIMEOUT);
    }

    /**
     * @param socketTimeout seconds a connection waits for PostgreSQL to answer (a stalled server: the call
     *        then answers 503), so also the longest a statement may run
     * @throws IllegalArgumentException for values no pool can have (said in the operator's words)
     */
    public static List<String> commands(int min, int max, int socketTimeout) {
        if (min < 0 || max < 1 || min > max) {
            throw new IllegalArgumentException("convene.db.pool-min (" + min + ") must be 0 or more and at most "
                    + "convene.db.pool-max (" + max + "), which must be 1 or more");
        }
        if (socketTimeout < 1) {
            throw new IllegalArgumentException("convene.db.socket-timeout (" + socketTimeout + ") must be 1 second or more");
        }
        return commands(String.valueOf(min), String.valueOf(max), String.valueOf(socketTimeout));
    }

    /** @param min, max, socketTimeout the values, or placeholders that whoever starts Payara replaces (the container's entrypoint) */
    static List<String> commands(String min, String max, String socketTimeout) {
        return List.of(
                "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                        + " --restype javax.sql.DataSource --steadypoolsize " + min + " --maxpoolsize " + max
                        // a database out of reach is answered in seconds (503), not after Payara's minute
                        + " --maxwait 5000"
                        // each connection is checked (a round trip of at most a few seconds) when it is
                        // handed out; a bad one is replaced alone: the connections of running
                        // transactions are left alone
                        + " --isconnectvalidatereq true --validationmethod custom-validation"
                        + " --validationclassname io.convene.pool.BoundedConnectionCheck"
                        + " --failconnection false"
                        + " --property url=${MPCONFIG=convene.db.url}:user=${MPCONFIG=convene.db.user}"
                        + ":password=${MPCONFIG=convene.db.password}:connectTimeout=3:loginTimeout=5"
                        + ":socketTimeout=" + socketTimeout
                        + " " + POOL,
                "create-jdbc-resource --connectionpoolid " + POOL + " " + DATA_SOURCE);
    }
}
