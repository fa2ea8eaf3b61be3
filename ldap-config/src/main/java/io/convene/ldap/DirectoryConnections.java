package io.convene.ldap;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import io.convene.directory.DirectoryReader.DirectoryAccess;
import io.convene.directory.DirectorySettings;
import io.convene.directory.DirectoryUnreachableException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Opens a bound connection to the first directory server of the list that answers (failover),
 * over LDAPS or StartTLS when asked (certificate trusted by the JVM and naming the server); every
 * failure comes out as a message that says what to fix.
 */
final class DirectoryConnections {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final long RESPONSE_TIMEOUT_MS = 60_000;

    private DirectoryConnections() {
    }

    static LDAPConnection open(DirectoryAccess access) {
        DirectorySettings s = access.settings();
        List<LDAPURL> urls = s.urls().stream().map(DirectoryConnections::parse).toList();
        String[] hosts = urls.stream().map(LDAPURL::getHost).toArray(String[]::new);
        int[] ports = urls.stream().mapToInt(LDAPURL::getPort).toArray();
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(CONNECT_TIMEOUT_MS);
        options.setResponseTimeoutMillis(RESPONSE_TIMEOUT_MS);
        options.setUseSynchronousMode(true);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true)); // the certificate must name the server
        SocketFactory sockets = s.security() == DirectorySettings.Security.LDAPS ? tls().getSocketFactory()
                : SocketFactory.getDefault();
        LDAPConnection connection;
        try {
            connection = new FailoverServerSet(hosts, ports, sockets, options).getConnection();
        } catch (LDAPException e) {
            throw new DirectoryUnreachableException("No directory server answered at " + String.join(", ", s.urls())
                    + ": " + e.getResultCode() + " (" + e.getMessage() + ")");
        }
        String server = where(connection);
        try {
            if (s.security() == DirectorySettings.Security.STARTTLS) {
                var result = connection.processExtendedOperation(new StartTLSExtendedRequest(tls()));
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    throw new DirectoryUnreachableException("The directory at " + server
                            + " refused StartTLS: " + result.getResultCode());
                }
            }
            if (s.bindDn() != null && !s.bindDn().isBlank()) {
                connection.bind(s.bindDn(), access.bindPassword());
            }
            return connection;
        } catch (LDAPException e) {
            connection.close();
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                throw new DirectoryUnreachableException("The directory at " + server + " refused the bind as "
                        + s.bindDn() + ": invalid credentials (check the bind DN and password)");
            }
            throw new DirectoryUnreachableException("The directory at " + server + " refused the bind as "
                    + s.bindDn() + ": " + e.getResultCode() + describe(e));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    static String where(LDAPConnection c) {
        return c.getConnectedAddress() + ":" + c.getConnectedPort();
    }

    static String describe(LDAPException e) {
        return e.getDiagnosticMessage() == null || e.getDiagnosticMessage().isBlank() ? "" : " (" + e.getDiagnosticMessage() + ")";
    }

    private static LDAPURL parse(String url) {
        try {
            return new LDAPURL(url);
        } catch (LDAPException e) {
            throw new DirectoryUnreachableException("Not an LDAP URL: " + url);
        }
    }

    /**
     * TLS that trusts what the JVM trusts ({@code javax.net.ssl.trustStore}: on Payara, the domain's
     * cacerts.jks, where administrators import their directory's CA).
     */
    private static SSLContext tls() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init((KeyStore) null);
            return new SSLUtil(trust.getTrustManagers()).createSSLContext();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No TLS context for LDAPS/StartTLS", e);
        }
    }
}
