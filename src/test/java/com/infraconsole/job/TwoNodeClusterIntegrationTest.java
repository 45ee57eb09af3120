package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.Application;
import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.Scheduler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two console nodes on one database: the test's context (node a) and a second Spring
 * application in the same JVM (node b) on the same embedded MariaDB, each with its own Quartz
 * instance in the cluster.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIntegrationTest {

    @Autowired
    JobService jobs;

    @Autowired
    JobFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scheduler schedulerA;

    @Autowired
    DataSource dataSource;
    /** Started once and shared (a context start is the slow part); the crash test, last, kills it. */
    static ConfigurableApplicationContext nodeB;

    static SecurityContextHolderStrategy strategyOfNodeA;
    long server;

    @BeforeEach
    void startNodeB() {
        users.signIn(Role.OPERATOR);
        server = fx.localServer();
        if (nodeB != null) {
            return;
        }
        // Vaadin installs its own SecurityContextHolderStrategy per context in a static holder; two
        // contexts in one JVM must share one, or each would not see the other's signed-in thread.
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        strategyOfNodeA = strategy;
        nodeB = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        return bean instanceof SecurityContextHolderStrategy ? strategy : bean;
                    }
                }))
                .profiles("test")
                .run("--infra.jobs.node-id=test-node-b", "--server.port=0", "--spring.main.banner-mode=off");
        useOwnQuartzConnections();
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    @AfterEach
    void signOut() throws Exception {
        schedulerA.start();
        TestUsers.signOut();
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
        // Leave the JVM-wide holder as the shared test context expects it.
        if (strategyOfNodeA != null) {
            SecurityContextHolder.setContextHolderStrategy(strategyOfNodeA);
        }
    }

    /**
     * Quartz keeps its connection providers in a JVM-wide registry keyed by scheduler name, which
     * both nodes share (a cluster needs one name): node b replaced node a's provider. Point both
     * back at node a's pool (same database), so that closing node b leaves node a working.
     */
    private void useOwnQuartzConnections() {
        var manager = DBConnectionManager.getInstance();
        manager.addConnectionProvider(
                "springTxDataSource.quartzScheduler", provider(() -> DataSourceUtils.doGetConnection(dataSource)));
        manager.addConnectionProvider("springNonTxDataSource.quartzScheduler", provider(dataSource::getConnection));
    }

    private static ConnectionProvider provider(Callable<Connection> source) {
        return new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                try {
                    return source.call();
                } catch (SQLException e) {
                    throw e;
                } catch (Exception e) {
                    throw new SQLException(e);
                }
            }

            @Override
            public void shutdown() {}

            @Override
            public void initialize() {}
        };
    }

    @Test
    @Order(1)
    void a_batch_of_jobs_on_two_nodes_runs_each_job_exactly_once() {
        var playbook = fx.tasks("- command: sleep 1\n- debug:\n    msg: done");
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 8; i++) {
            ids.add(jobs.launch(LaunchRequest.of(playbook, List.of(server))));
        }

        var nodes = new ArrayList<String>();
        for (var id : ids) {
            var job = fx.awaitEnd(id, Duration.ofSeconds(60));
            assertThat(job.job().getStatus()).as("job %d", id).isEqualTo(JobStatus.SUCCESS);
            // A second run would have written a second PLAY RECAP (or failed on the unique line numbers).
            assertThat(fx.log(id).split("PLAY RECAP", -1))
                    .as("recaps in job %d", id)
                    .hasSize(2);
            nodes.add(job.job().getNodeId());
        }
        assertThat(nodes).allMatch(n -> n.equals("test-node-a") || n.equals("test-node-b"));
        assertThat(nodes).as("both nodes took work").contains("test-node-a", "test-node-b");
    }

    @Test
    @Order(2)
    void a_node_that_dies_mid_job_leaves_it_failed_and_the_other_node_keeps_working() throws Exception {
        schedulerA.standby(); // only node b picks up the long job
        var longJob = jobs.launch(LaunchRequest.of(fx.tasks("- command: sleep 120"), List.of(server)));
        var running = fx.awaitStatus(longJob, Duration.ofSeconds(20), JobStatus.RUNNING);
        assertThat(running.job().getNodeId()).isEqualTo("test-node-b");

        nodeB.getBean(JobRunner.class).simulateCrash(); // process killed, no status written, no heartbeat
        nodeB.close();
        nodeB = null;
        SecurityContextHolder.setContextHolderStrategy(strategyOfNodeA);
        schedulerA.start();

        var lost = fx.awaitEnd(longJob, Duration.ofSeconds(20));
        assertThat(lost.job().getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(lost.job().getErrorMessage()).startsWith("Node lost");

        var next = jobs.launch(LaunchRequest.of(fx.tasks("- debug:\n    msg: still here"), List.of(server)));
        var done = fx.awaitEnd(next, Duration.ofSeconds(30));
        assertThat(done.job().getStatus()).isEqualTo(JobStatus.SUCCESS);
        assertThat(done.job().getNodeId()).isEqualTo("test-node-a");
    }
}
