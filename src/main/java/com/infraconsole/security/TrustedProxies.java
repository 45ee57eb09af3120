package com.infraconsole.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Behind a reverse proxy: X-Forwarded-For, -Proto, -Host and -Port are honoured only on a
 * connection from one of {@code infra.proxy.trusted} (INFRA_PROXY_TRUSTED, CIDR list). From any
 * other peer they are ignored, so nobody can pick the address the audit log records or the login
 * throttle counts. Tomcat's RemoteIpValve does the work: it reads the address list right to left,
 * skipping trusted proxies, so a client cannot prepend a fake address either; and it marks the
 * request secure for {@code X-Forwarded-Proto: https}, which gives the session cookie its Secure
 * flag and turns on HSTS. The RFC 7239 {@code Forwarded} header is never read.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnClass(RemoteIpValve.class)
class TrustedProxies {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxyValve(
            @Value("${infra.proxy.trusted:}") String trusted) {
        var cidrs = normalize(trusted);
        return factory -> {
            if (cidrs.isEmpty()) {
                return; // no proxy configured: the TCP peer is the client, forwarded headers mean nothing
            }
            var valve = new RemoteIpValve();
            valve.setInternalProxies(cidrs);
            valve.setTrustedProxies(null);
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            valve.setHostHeader("X-Forwarded-Host");
            valve.setPortHeader("X-Forwarded-Port");
            factory.addEngineValves(valve);
            log.info("Forwarded headers are honoured from the trusted proxies {}", cidrs);
        };
    }

    /** "10.0.0.5, 192.168.0.0/16" -> "10.0.0.5/32,192.168.0.0/16"; a bad entry stops the start with its name. */
    static String normalize(String trusted) {
        if (trusted == null || trusted.isBlank()) {
            return "";
        }
        return Arrays.stream(trusted.split("[,\\s]+"))
                .filter(s -> !s.isBlank())
                .map(TrustedProxies::cidr)
                .collect(Collectors.joining(","));
    }

    private static String cidr(String entry) {
        var parts = entry.split("/", 2);
        InetAddress address;
        try {
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(parts[0]);
            }
            address = InetAddress.getByName(parts[0]); // a literal: no name lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    "infra.proxy.trusted: '" + entry + "' is not an IP address or CIDR range");
        }
        int max = address.getAddress().length * 8;
        int bits = max;
        if (parts.length == 2) {
            try {
                bits = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("infra.proxy.trusted: '" + entry + "' has a bad prefix length");
            }
        }
        return address.getHostAddress() + "/" + bits;
    }
}
