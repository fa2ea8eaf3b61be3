package io.convene.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.shared.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundAddressesTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A resolver that answers as a DNS server would for these names, and knows no others. */
    private static OutboundAddresses.Resolver dns(Map<String, String[]> names) {
        return host -> {
            String[] answer = names.get(host);
            if (answer == null && (host.matches("[0-9.]+") || host.contains(":"))) {
                return new InetAddress[] {ip(host)}; // a literal, as the system's resolver reads it
            }
            if (answer == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] addresses = new InetAddress[answer.length];
            for (int i = 0; i < answer.length; i++) {
                addresses[i] = InetAddress.getByAddress(host, ip(answer[i]).getAddress());
            }
            return addresses;
        };
    }

    @Test
    void onlyPublicAddressesArePublic() {
        for (String refused : new String[] {"127.0.0.1", "127.255.0.9", "0.0.0.0", "0.1.2.3", "10.1.2.3", "172.16.0.1",
                "172.31.255.254", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1",
                "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.2.10", "198.18.0.1", "198.51.100.7", "203.0.113.9",
                "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1", "2001:db8::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2002:c0a8:101::1",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2"}) {
            assertThat(OutboundAddresses.isPublic(ip(refused))).as(refused).isFalse();
        }
        for (String open : new String[] {"1.1.1.1", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
                "192.167.1.1", "169.253.1.1", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"}) {
            assertThat(OutboundAddresses.isPublic(ip(open))).as(open).isTrue();
        }
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIsNotPublic() {
        OutboundAddresses policy = OutboundAddresses.allowing("").resolvingWith(dns(Map.of(
                "crm.example", new String[] {"93.184.216.34", "2606:2800:220:1::1"},
                "split.example", new String[] {"93.184.216.34", "10.0.0.5"},
                "v6loop.example", new String[] {"2606:2800:220:1::1", "::1"})));
        assertThat(policy.resolve("crm.example", 443)).hasSize(2);
        assertThatThrownBy(() -> policy.resolve("split.example", 443)).isInstanceOf(OutboundCallRefusedException.class);
        assertThatThrownBy(() -> policy.resolve("v6loop.example", 443)).isInstanceOf(OutboundCallRefusedException.class);
        assertThatThrownBy(() -> policy.resolve("nowhere.example", 443)).isInstanceOf(OutboundCallRefusedException.class);
    }

    @Test
    void numbersWrittenAsHostsAreSeenForWhatTheyAre() {
        OutboundAddresses policy = OutboundAddresses.allowing("");
        for (String trick : new String[] {"2130706433", "0x7f000001", "017700000001", "0177.0.0.1", "0x7f.1", "127.1",
                "[::1]", "[::ffff:127.0.0.1]", "[0:0:0:0:0:ffff:7f00:1]", "localhost", "127.0.0.1"}) {
            assertThatThrownBy(() -> policy.resolve(trick, 80)).as(trick).isInstanceOf(OutboundCallRefusedException.class);
        }
        assertThat(policy.resolve("8.8.8.8", 80)).containsExactly(ip("8.8.8.8"));
    }

    @Test
    void everyRefusalSaysTheSameToAdministratorsAndTheDetailToTheLog() {
        OutboundAddresses policy = OutboundAddresses.allowing("").resolvingWith(dns(Map.of("db.internal", new String[] {"10.0.0.5"})));
        OutboundCallRefusedException unresolved = catchRefusal(policy, "nowhere.internal");
        OutboundCallRefusedException privateOne = catchRefusal(policy, "db.internal");
        assertThat(unresolved.getMessage()).isEqualTo(privateOne.getMessage()).doesNotContain("internal", "10.0.0.5");
        assertThat(privateOne.detail()).contains("db.internal:443", "10.0.0.5", "not public");
        assertThat(unresolved.detail()).contains("nowhere.internal", "does not resolve");
    }

    private static OutboundCallRefusedException catchRefusal(OutboundAddresses policy, String host) {
        try {
            policy.resolve(host, 443);
        } catch (OutboundCallRefusedException e) {
            return e;
        }
        throw new AssertionError(host + " was not refused");
    }

    @Test
    void anOperatorAllowsRangesAndPorts() {
        OutboundAddresses policy = OutboundAddresses.allowing("10.20.0.0/16, 127.0.0.1/32:8089 fd00::/8:443");
        assertThat(policy.permits(ip("10.20.3.4"), 5432)).isTrue();
        assertThat(policy.permits(ip("10.21.0.1"), 443)).isFalse();
        assertThat(policy.permits(ip("127.0.0.1"), 8089)).isTrue();
        assertThat(policy.permits(ip("127.0.0.1"), 5432)).as("another port of the allowed address").isFalse();
        assertThat(policy.permits(ip("127.0.0.2"), 8089)).isFalse();
        assertThat(policy.permits(ip("::1"), 8089)).isFalse();
        assertThat(policy.permits(ip("fd00::5"), 443)).isTrue();
        assertThat(policy.permits(ip("fd00::5"), 80)).isFalse();
        for (String bad : new String[] {"10.0.0.0", "10.0.0.0/33", "127.0.0.1/32:70000", "crm.example/32", "0x7f000001/32"}) {
            assertThatThrownBy(() -> OutboundAddresses.allowing(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aUrlIsCheckedForItsShapeAndItsAddressesNamingTheField() {
        OutboundAddresses policy = OutboundAddresses.allowing("127.0.0.1/32:8089").resolvingWith(dns(Map.of(
                "hooks.crm.example", new String[] {"93.184.216.34"})));
        assertThat(policy.checkedUrl("url", "https://hooks.crm.example/in").toString()).isEqualTo("https://hooks.crm.example/in");
        assertThat(policy.checkedUrl("url", "http://127.0.0.1:8089/crm").getPort()).isEqualTo(8089);
        for (String bad : new String[] {"http://127.0.0.1/crm", "http://127.0.0.1:15432/", "http://[::1]:8089/",
                "http://169.254.169.254/latest/meta-data", "http://2130706433:8089/", "http://0x7f000001:8089/",
                "file:///etc/passwd", "http://user@hooks.crm.example/", "ftp://hooks.crm.example/"}) {
            assertThatThrownBy(() -> policy.checkedUrl("url", bad)).as(bad).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("url"));
        }
    }
}
