package dev.appinstances.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.problem.EndpointNotAllowedException;
import dev.appinstances.problem.InvalidRequestException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointPolicyTest {

    @Test
    void onlyHttpsUnlessInsecureIsAllowed() {
        assertThat(EndpointPolicy.parse("endPoint", "https://example.com/x?a=1", false).getHost())
                .isEqualTo("example.com");
        assertThatThrownBy(() -> EndpointPolicy.parse("endPoint", "http://example.com/x", false))
                .isInstanceOf(EndpointNotAllowedException.class)
                .hasMessageContaining("https");
        assertThat(EndpointPolicy.parse("endPoint", "http://example.com/x", true)).isNotNull();
        assertThatThrownBy(
                        () ->
                                EndpointPolicy.parse(
                                        "endPoint",
                                        "https://example.com/" + "x".repeat(2048),
                                        false))
                .isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "224.0.0.1",
                "255.255.255.255",
                "198.18.0.1",
                "::1",
                "::",
                "fe80::1",
                "fd00:ec2::254",
                "fc00::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1"
            })
    void nonPublicAddressesAreRefused(String address) throws UnknownHostException {
        assertThat(EndpointPolicy.refusal(InetAddress.getByName(address))).isNotNull();
        assertThatThrownBy(() -> EndpointAddresses.checked(address))
                .isInstanceOf(EndpointNotAllowedException.class)
                .hasMessageContaining("resolves to");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertThat(EndpointPolicy.refusal(InetAddress.getByName(address))).isNull();
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefused() {
        assertThatThrownBy(() -> EndpointAddresses.checked("localhost"))
                .isInstanceOf(EndpointNotAllowedException.class);
    }
}
