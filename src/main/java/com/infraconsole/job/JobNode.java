package com.infraconsole.job;

import java.net.InetAddress;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This console node's stable name, stored on the jobs it runs. Stable across restarts (host name
 * and HTTP port unless infra.jobs.node-id is set), so that a restarted node recognizes and fails
 * the jobs it left running. Two nodes on one host need different ports or node ids.
 */
@Component
class JobNode {

    private final String id;

    JobNode(JobProperties props, Environment env) {
        if (props.nodeId() != null && !props.nodeId().isBlank()) {
            id = props.nodeId().strip();
        } else {
            id = hostName() + ":" + env.getProperty("server.port", "8080");
        }
    }

    String id() {
        return id;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
    }
}
