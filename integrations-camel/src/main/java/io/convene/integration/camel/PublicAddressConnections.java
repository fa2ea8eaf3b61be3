package io.convene.integration.camel;

import io.convene.integration.OutboundAddresses;
import io.convene.integration.OutboundCallRefusedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The connections every integration route makes (HTTP and HTTPS): each new connection resolves its
 * host, is refused when any address is not permitted by {@link OutboundAddresses} for its port, and
 * is made to an address that was just checked, so a name that resolves elsewhere at delivery than at
 * registration (DNS rebinding) is caught. Nothing is sent to a refused address; the refusal ends the
 * delivery without retries ({@link OutboundCallRefusedException}).
 */
final class PublicAddressConnections extends PoolingHttpClientConnectionManagerBuilder {

    private final OutboundAddresses addresses;

    private PublicAddressConnections(OutboundAddresses addresses) {
        this.addresses = addresses;
    }

    /** A connection pool (Camel's default sizes) that connects to permitted addresses only. */
    static HttpClientConnectionManager pool(OutboundAddresses addresses) {
        return new PublicAddressConnections(addresses).setMaxConnTotal(200).setMaxConnPerRoute(20).build();
    }

    @Override
    protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver schemePortResolver,
                                                                    DnsResolver dnsResolver, TlsSocketStrategy tls) {
        return new CheckedOperator(super.createConnectionOperator(schemePortResolver, dnsResolver, tls), addresses);
    }

    /** The refusal inside what a Camel call ended with, if it was one: to be passed on as it is. */
    static OutboundCallRefusedException refusalIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutboundCallRefusedException refused) {
                return refused;
            }
        }
        return null;
    }

    /** Passes a refusal on as it is from an HTTP call a route made itself. */
    static void rethrowRefusal(Exchange done) {
        OutboundCallRefusedException refused = refusalIn(done.getException());
        if (refused != null) {
            throw refused;
        }
    }

    private record CheckedOperator(HttpClientConnectionOperator connector, OutboundAddresses addresses)
            implements HttpClientConnectionOperator {

        @Override
        public void connect(ManagedHttpClientConnection conn, HttpHost host, InetSocketAddress localAddress,
                            TimeValue connectTimeout, SocketConfig socketConfig, HttpContext context) throws IOException {
            connect(conn, host, null, localAddress, connectTimeout == null ? null : Timeout.of(connectTimeout.getDuration(),
                    connectTimeout.getTimeUnit()), socketConfig, null, context);
        }

        @Override
        public void connect(ManagedHttpClientConnection conn, HttpHost endpointHost, NamedEndpoint endpointName,
                            InetSocketAddress localAddress, Timeout connectTimeout, SocketConfig socketConfig,
                            Object attachment, HttpContext context) throws IOException {
            int port = endpointHost.getPort() > 0 ? endpointHost.getPort()
                    : "https".equalsIgnoreCase(endpointHost.getSchemeName()) ? 443 : 80;
            InetAddress[] checked = endpointHost.getAddress() != null
                    ? addresses.resolve(endpointHost.getAddress().getHostAddress(), port)
                    : addresses.resolve(endpointHost.getHostName(), port);
            IOException last = null;
            for (InetAddress address : checked) { // the name stays for TLS (SNI, certificate); the address is the checked one
                try {
                    connector.connect(conn, new HttpHost(endpointHost.getSchemeName(), address, endpointHost.getHostName(), port),
                            endpointName != null ? endpointName : endpointHost, localAddress, connectTimeout, socketConfig,
                            attachment, context);
                    return;
                } catch (IOException e) {
                    last = e;
                }
            }
            throw last;
        }

        @Override
        public void upgrade(ManagedHttpClientConnection conn, HttpHost host, HttpContext context) throws IOException {
            connector.upgrade(conn, host, context);
        }

        @Override
        public void upgrade(ManagedHttpClientConnection conn, HttpHost endpointHost, NamedEndpoint endpointName,
                            Object attachment, HttpContext context) throws IOException {
            connector.upgrade(conn, endpointHost, endpointName, attachment, context);
        }
    }
}
