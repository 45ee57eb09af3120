package com.infraconsole.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Column;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

class FieldLimitsTest {

    static class Base {
        @Size(max = 80)
        @Column(length = 80)
        String updatedBy;
    }

    static class Host extends Base {
        @Size(max = 253, message = "Hostname must be at most 253 characters")
        @Column(nullable = false)
        String hostname;

        @Column(name = "ip_address", length = 45)
        String ipAddress;

        @Column
        String plain;

        @Size(min = 3)
        @Column(columnDefinition = "text")
        String notes;

        @Column(name = "ssh_port")
        Integer sshPort;
    }

    @Test
    void the_size_annotation_states_the_limit_before_the_column() {
        assertThat(FieldLimits.maxLength(Host.class, "hostname")).isEqualTo(253);
        assertThat(FieldLimits.maxLength(Host.class, "updatedBy")).isEqualTo(80);
    }

    @Test
    void without_a_size_the_column_length_is_the_limit() {
        assertThat(FieldLimits.maxLength(Host.class, "ipAddress")).isEqualTo(45);
        assertThat(FieldLimits.maxLength(Host.class, "plain")).isEqualTo(255);
    }

    @Test
    void a_property_without_a_stated_limit_or_a_misspelt_one_fails_loudly() {
        assertThatThrownBy(() -> FieldLimits.maxLength(Host.class, "notes"))
                .hasMessage("Host.notes states no length limit");
        assertThatThrownBy(() -> FieldLimits.maxLength(Host.class, "sshPort"))
                .hasMessage("Host.sshPort states no length limit");
        assertThatThrownBy(() -> FieldLimits.maxLength(Host.class, "hostnme"))
                .hasMessage("Host has no property hostnme");
    }
}
