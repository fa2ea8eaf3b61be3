package io.convene.integration;

import io.convene.shared.InvalidInputException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where Convene's outbound calls may go (webhooks, Teams' incoming webhooks, the Slack, Google and
 * Microsoft APIs): only to public internet addresses. A host is resolved (every A and AAAA record)
 * and refused when any of its addresses is loopback, unspecified, link-local, private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), multicast, reserved or for documentation,
 * or an IPv6 form carrying such an IPv4 address (mapped, compatible, NAT64, 6to4). Numbers written as
 * hosts ({@code 2130706433}, {@code 0x7f000001}) are judged by the address they resolve to, and
 * hex or octal IPv4 forms are refused outright. An operator allows ranges with
 * {@value #SETTING}: CIDR blocks, each optionally for one port ({@code 10.1.0.0/16},
 * {@code 127.0.0.1/32:8089}, {@code fd00::/8:443}), separated by commas or spaces.
 *
 * <p>Checked when a URL is registered and again at every connection, on the address actually
 * connected to, so a name that later resolves elsewhere (DNS rebinding) is refused then.
 */
public final class OutboundAddresses {

    public static final String SETTING = "convene.outbound.allowed-ranges";

    /** What a refusal says: the same whether the host resolved to a private address or not at all. */
    static final String MUST_BE_PUBLIC = "must reach a public internet address (not loopback, private, link-local or"
            + " reserved); an operator allows other ranges with " + SETTING;

    private static final Pattern RANGE = Pattern.compile("\\[?([0-9A-Fa-f:.]+)]?/(\\d{1,3})(?::(\\d{1,5}))?");
    /** A host made only of numbers (decimal, octal or hex), e.g. 0x7f000001 or 0177.0.0.1. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    /** Names to addresses: the system's resolver, or a test's. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private record Range(byte[] network, int prefix, int port) {
        boolean contains(InetAddress address, int port) {
            byte[] a = address.getAddress();
            if (a.length != network.length || this.port >= 0 && this.port != port) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> allowed;
    private final Resolver resolver;

    private OutboundAddresses(List<Range> allowed, Resolver resolver) {
        this.allowed = allowed;
        this.resolver = resolver;
    }

    /** The policy as the operator set it ({@value #SETTING}, MicroProfile Config). */
    public static OutboundAddresses configured() {
        return allowing(ConfigProvider.getConfig().getOptionalValue(SETTING, String.class).orElse(""));
    }

    /**
     * Public addresses and these ranges, written as for {@value #SETTING}.
     *
     * @throws IllegalArgumentException when a range is not CIDR or CIDR:port
     */
    public static OutboundAddresses allowing(String ranges) {
        List<Range> parsed = new ArrayList<>();
        for (String item : (ranges == null ? "" : ranges).split("[,\\s]+")) {
            if (!item.isBlank()) {
                parsed.add(range(item.strip()));
            }
        }
        return new OutboundAddresses(List.copyOf(parsed), InetAddress::getAllByName);
    }

    /** The same policy resolving names with another resolver. */
    public OutboundAddresses resolvingWith(Resolver other) {
        return new OutboundAddresses(allowed, other);
    }

    private static Range range(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches() || !m.group(1).contains(":") && !DOTTED_QUAD.matcher(m.group(1)).matches()) {
            throw new IllegalArgumentException(SETTING + ": '" + text + "' is not CIDR or CIDR:port (e.g. 10.0.0.0/8, 127.0.0.1/32:8089)");
        }
        byte[] network;
        try {
            network = InetAddress.getByName(m.group(1)).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(SETTING + ": '" + text + "' has no valid address", e);
        }
        int prefix = Integer.parseInt(m.group(2));
        int port = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
        if (prefix > network.length * 8 || port > 65535) {
            throw new IllegalArgumentException(SETTING + ": '" + text + "' has a prefix or port out of range");
        }
        return new Range(network, prefix, port);
    }

    /**
     * An http(s) URL with a host, no user info and no fragment, whose host resolves to permitted
     * addresses only; otherwise a refusal naming {@code field} (which never repeats the URL: a
     * Teams webhook's is a secret).
     */
    public URI checkedUrl(String field, String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "not a URL");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new InvalidInputException(field, "an http(s) URL with a host, no user info and no fragment");
        }
        try {
            resolve(uri.getHost(), port(uri));
        } catch (OutboundCallRefusedException e) {
            throw new InvalidInputException(field, MUST_BE_PUBLIC);
        }
        return uri;
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /**
     * Every address of {@code host}, each permitted for {@code port}: what a connection may use.
     *
     * @throws OutboundCallRefusedException when one of them is not, or the host does not resolve
     */
    public InetAddress[] resolve(String host, int port) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (NUMERIC_HOST.matcher(name.toLowerCase(Locale.ROOT)).matches() && !DOTTED_QUAD.matcher(name).matches()) {
            throw refused(host, port, "is a number but not an IPv4 address in four decimal parts");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw refused(host, port, "does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw refused(host, port, "does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!permits(address, port)) {
                throw refused(host, port, "resolves to " + address.getHostAddress() + ", not public and not allowed for this port");
            }
        }
        return addresses;
    }

    /** Whether a connection to this address and port may be made. */
    public boolean permits(InetAddress address, int port) {
        return isPublic(address) || allowed.stream().anyMatch(r -> r.contains(address, port));
    }

    /** One message for every refusal, whatever the reason: what the host is or whether a port is open stays unsaid. */
    private static OutboundCallRefusedException refused(String host, int port, String why) {
        return new OutboundCallRefusedException("Refused before connecting: the URL " + MUST_BE_PUBLIC, host + ":" + port + " " + why);
    }

    /** Whether this is an address of the public internet. */
    static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (!(address instanceof Inet6Address) || address.isAnyLocalAddress() || address.isLoopbackAddress()
                || address.isLinkLocalAddress() || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] embedded = embeddedIpv4(b);
        if (embedded != null) {
            return isPublicIpv4(embedded);
        }
        int first16 = (b[0] & 0xff) << 8 | (b[1] & 0xff);
        int second16 = (b[2] & 0xff) << 8 | (b[3] & 0xff);
        return (b[0] & 0xfe) != 0xfc                           // fc00::/7 unique local
                && !(first16 == 0x2001 && second16 == 0x0db8)  // 2001:db8::/32 documentation
                && !(first16 == 0x2001 && second16 == 0x0000)  // 2001::/32 Teredo (an IPv4 address hidden inside)
                && !(first16 == 0x0064 && second16 == 0xff9b)  // 64:ff9b:1::/48 and the rest of 64:ff9b::/32 (local-use NAT64)
                && !(first16 == 0x0100 && second16 == 0 && isZero(b, 4, 8)); // 100::/64 discard
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), -compatible (::/96), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = isZero(b, 0, 12);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPublicIpv4(byte[] b) {
        long v = (b[0] & 0xffL) << 24 | (b[1] & 0xffL) << 16 | (b[2] & 0xffL) << 8 | (b[3] & 0xffL);
        return !(in(v, 0x00000000L, 8)       // 0.0.0.0/8 "this network"
                || in(v, 0x0A000000L, 8)     // 10/8
                || in(v, 0x64400000L, 10)    // 100.64/10 shared (carrier-grade NAT)
                || in(v, 0x7F000000L, 8)     // 127/8 loopback
                || in(v, 0xA9FE0000L, 16)    // 169.254/16 link-local (cloud metadata)
                || in(v, 0xAC100000L, 12)    // 172.16/12
                || in(v, 0xC0000000L, 24)    // 192.0.0/24 protocol assignments
                || in(v, 0xC0000200L, 24)    // 192.0.2/24 documentation
                || in(v, 0xC0586300L, 24)    // 192.88.99/24 6to4 relays
                || in(v, 0xC0A80000L, 16)    // 192.168/16
                || in(v, 0xC6120000L, 15)    // 198.18/15 benchmarking
                || in(v, 0xC6336400L, 24)    // 198.51.100/24 documentation
                || in(v, 0xCB007100L, 24)    // 203.0.113/24 documentation
                || in(v, 0xE0000000L, 4)     // 224/4 multicast
                || in(v, 0xF0000000L, 4));   // 240/4 reserved, and the broadcast address
    }

    private static boolean in(long address, long network, int prefix) {
        long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (address & mask) == network;
    }
}
