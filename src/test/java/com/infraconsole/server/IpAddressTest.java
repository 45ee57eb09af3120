package com.infraconsole.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpAddressTest {

    @Test
    void literal_ipv4_and_ipv6_addresses_are_valid() {
        assertThat(List.of("10.0.0.12", "0.0.0.0", "255.255.255.255", "2001:db8::12", "::1", "::ffff:10.0.0.1"))
                .allMatch(IpAddress.Validator::isValid);
    }

    @Test
    void host_names_out_of_range_octets_and_malformed_ipv6_are_not() {
        assertThat(List.of(
                        "web-01",
                        "256.0.0.1",
                        "10.0.0",
                        "10.0.0.012",
                        "2001:db8:::1",
                        "fe80::1%eth0",
                        "localhost",
                        ":"))
                .noneMatch(IpAddress.Validator::isValid);
    }

    @Test
    void an_empty_field_is_left_to_not_null_checks() {
        var validator = new IpAddress.Validator();
        assertThat(validator.isValid(null, null)).isTrue();
        assertThat(validator.isValid("", null)).isTrue();
        assertThat(validator.isValid("web-01", null)).isFalse();
    }
}
