package com.infraconsole.audit;

import com.infraconsole.base.audit.AuditAction;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A test-only caller with an {@code @AuditAction}, as a feature service would have. */
@Component
class AuditActionProbe {

    private final ServerService servers;

    AuditActionProbe(ServerService servers) {
        this.servers = servers;
    }

    @AuditAction("SERVER_RETIRE")
    @Transactional
    public Server retire(Server server) {
        server.setStatus(com.infraconsole.server.ServerStatus.INACTIVE);
        return servers.save(server);
    }
}
