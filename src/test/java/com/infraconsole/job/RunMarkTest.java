package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real processes: what a run leaves behind outside its tree is found by its mark and stopped. */
@Tag("integration")
class RunMarkTest {

    @Test
    void a_process_that_left_the_tree_is_found_by_its_mark_and_stopped_with_the_tree() throws Exception {
        var marker = "infra-mark-test-" + System.nanoTime();
        var mark = new RunMark(marker);
        // Like a task that daemonizes: a new session, in the background, the parent exits at once.
        var pb = new ProcessBuilder(
                "sh", "-c", "setsid sh -c 'sleep 600; echo " + marker + "' >/dev/null 2>&1 </dev/null &");
        mark.apply(pb);
        var parent = pb.start();
        parent.waitFor();
        JobProcesses.await(marker, true);
        assertThat(parent.descendants().toList()).as("left the tree").isEmpty();
        assertThat(mark.processes()).isNotEmpty();
        assertThat(new RunMark("another-run").processes()).isEmpty();

        JobRunner.killTree(parent);
        mark.stopAll();

        JobProcesses.await(marker, false);
        assertThat(mark.processes()).isEmpty();
    }

    @Test
    void a_process_whose_mark_is_a_longer_value_is_not_taken_for_this_run() throws Exception {
        var marker = "infra-mark-prefix-" + System.nanoTime();
        var pb = new ProcessBuilder("sh", "-c", "sleep 30; echo " + marker);
        new RunMark(marker + "-longer").apply(pb);
        var p = pb.start();
        try {
            JobProcesses.await(marker, true);
            assertThat(new RunMark(marker).processes()).isEmpty();
            assertThat(new RunMark(marker + "-longer").processes())
                    .extracting(ProcessHandle::pid)
                    .contains(p.pid());
        } finally {
            p.destroyForcibly();
        }
    }
}
