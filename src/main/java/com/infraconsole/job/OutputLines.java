package com.infraconsole.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a process's output into lines of at most {@link #MAX_LINE_BYTES} bytes of UTF-8. The
 * rest of a longer line is read and thrown away, and the kept part says so, so that one huge line
 * (a task result printed with -v, a slurped file) costs no more memory than a short one and fits
 * job_logs.content (TEXT: 65,535 bytes). Lines end at '\n' (a '\r' before it is dropped).
 */
final class OutputLines {

    static final int MAX_LINE_BYTES = 16 * 1024;
    static final String TRUNCATED = "[console] line truncated: %d bytes dropped";
    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private int pos;
    private int limit;

    OutputLines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the output. */
    String next() throws IOException {
        int len = 0;
        long dropped = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? text(len, dropped) : null;
                }
            }
            any = true;
            byte b = buf[pos++];
            if (b == '\n') {
                return text(len, dropped);
            }
            if (len < MAX_LINE_BYTES) {
                line[len++] = b;
            } else {
                dropped++;
            }
        }
    }

    private String text(int len, long dropped) {
        if (dropped == 0 && len > 0 && line[len - 1] == '\r') {
            len--;
        }
        if (dropped == 0) {
            return new String(line, 0, len, StandardCharsets.UTF_8);
        }
        int keep = charBoundary(len);
        dropped += len - keep;
        return new String(line, 0, keep, StandardCharsets.UTF_8) + " " + TRUNCATED.formatted(dropped);
    }

    /** Where to cut the first len bytes so that no UTF-8 character is split (its bytes count as dropped). */
    private int charBoundary(int len) {
        int start = len - 1;
        while (start > 0 && start > len - 4 && (line[start] & 0xC0) == 0x80) {
            start--;
        }
        int lead = line[start] & 0xFF;
        int size = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return start + size > len ? start : len;
    }
}
