package io.convene.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SelfSignedCertificateGenerator;
import com.unboundid.util.ObjectPair;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import io.convene.directory.DirectoryReader.DirectoryAccess;
import io.convene.directory.DirectorySettings;
import io.convene.directory.DirectorySettings.Security;
import io.convene.directory.DirectoryUnreachableException;
import io.convene.directory.DirectoryVendor;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LDAPS and StartTLS against a real LDAP server with a self-signed certificate that the JVM's trust
 * store (javax.net.ssl.trustStore, as Payara sets it) holds; plain LDAP where TLS is asked for fails.
 */
class DirectoryTlsTest {

    private static final String BIND_DN = "cn=sync,dc=corp,dc=example";
    private static InMemoryDirectoryServer server;

    @BeforeAll
    static void start() throws Exception {
        ObjectPair<File, char[]> keys = SelfSignedCertificateGenerator.generateTemporarySelfSignedCertificate("127.0.0.1", "PKCS12");
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keys.getFirst())) {
            serverKeys.load(in, keys.getSecond());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (String alias : Collections.list(serverKeys.aliases())) {
            trusted.setCertificateEntry(alias, serverKeys.getCertificate(alias));
        }
        File trustFile = File.createTempFile("convene-trust", ".p12");
        trustFile.deleteOnExit();
        try (FileOutputStream out = new FileOutputStream(trustFile)) {
            trusted.store(out, "changeit".toCharArray());
        }
        System.setProperty("javax.net.ssl.trustStore", trustFile.getAbsolutePath());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");

        SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(keys.getFirst(), keys.getSecond(), "PKCS12", null),
                new TrustAllTrustManager());
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=corp,dc=example");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0, serverTls.createSSLServerSocketFactory(),
                        serverTls.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPConfig("starttls", loopback, 0, serverTls.createSSLSocketFactory()));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=corp,dc=example", "objectClass: domain", "dc: corp");
        server.add("dn: ou=people,dc=corp,dc=example", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups,dc=corp,dc=example", "objectClass: organizationalUnit", "ou: groups");
        server.add("dn: " + BIND_DN, "objectClass: person", "cn: sync", "sn: sync", "userPassword: bind-secret");
        server.add("dn: uid=p1,ou=people,dc=corp,dc=example", "objectClass: inetOrgPerson", "uid: p1", "cn: P", "sn: 1",
                "mail: p1@corp.example");
        server.startListening();
    }

    @AfterAll
    static void stop() {
        server.shutDown(true);
        System.clearProperty("javax.net.ssl.trustStore");
        System.clearProperty("javax.net.ssl.trustStorePassword");
        System.clearProperty("javax.net.ssl.trustStoreType");
    }

    @Test
    void ldapsAndStartTlsConnectToATrustedServer() {
        UnboundIdDirectoryReader reader = new UnboundIdDirectoryReader();
        var ldaps = reader.check(access("ldaps://127.0.0.1:" + server.getListenPort("ldaps"), Security.LDAPS));
        assertThat(ldaps.peopleFound()).isEqualTo(1);
        var startTls = reader.check(access("ldap://127.0.0.1:" + server.getListenPort("starttls"), Security.STARTTLS));
        assertThat(startTls.peopleFound()).isEqualTo(1);
    }

    @Test
    void tlsAskedOfAServerThatSpeaksPlainLdapFails() {
        UnboundIdDirectoryReader reader = new UnboundIdDirectoryReader();
        // the StartTLS listener speaks plain LDAP until asked: LDAPS to it is no TLS handshake
        assertThatThrownBy(() -> reader.check(access("ldaps://127.0.0.1:" + server.getListenPort("starttls"), Security.LDAPS)))
                .isInstanceOf(DirectoryUnreachableException.class).hasMessageContaining("No directory server answered");
    }

    private static DirectoryAccess access(String url, Security security) {
        DirectorySettings p = DirectoryVendor.OPENLDAP.preset();
        return new DirectoryAccess(new DirectorySettings(List.of(url), security, BIND_DN, "ou=people,dc=corp,dc=example",
                p.userObjectClasses(), "", "ou=groups,dc=corp,dc=example", p.groupObjectClasses(), p.groupMemberAttribute(),
                p.memberType(), p.attributes(), null, p.changeMarker(), 10), "bind-secret");
    }
}
