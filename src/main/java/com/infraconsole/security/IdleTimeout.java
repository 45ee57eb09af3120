package com.infraconsole.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long a signed-in session may go without anything the person does ({@code infra.security.idle-timeout}). */
@Component
class IdleTimeout {

    private volatile Duration value;

    IdleTimeout(@Value("${infra.security.idle-timeout:30m}") Duration value) {
        this.value = value;
    }

    Duration get() {
        return value;
    }

    /** Tests shorten it to seconds rather than start a second application context. */
    void set(Duration value) {
        this.value = value;
    }
}
