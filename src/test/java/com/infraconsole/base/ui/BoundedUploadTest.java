package com.infraconsole.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

public class BoundedUploadTest {

    @Test
    void an_endless_body_is_read_only_up_to_the_limit_and_refused() throws Exception {
        var endless = new Endless();

        assertThat(BoundedUpload.readAtMost(endless, 2 * 1024 * 1024)).isEmpty();
        assertThat(endless.read).isLessThanOrEqualTo(2 * 1024 * 1024 + 8192);
    }

    @Test
    void a_body_of_exactly_the_limit_is_kept_whole() throws Exception {
        var bytes = new byte[1000];
        bytes[999] = 7;

        assertThat(BoundedUpload.readAtMost(new ByteArrayInputStream(bytes), 1000))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        assertThat(BoundedUpload.readAtMost(new ByteArrayInputStream(bytes), 999))
                .isEmpty();
    }

    /** A client that never stops sending. */
    public static final class Endless extends InputStream {

        public long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            read += len;
            return len;
        }
    }
}
