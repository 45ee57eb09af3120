package com.infraconsole.base.ui;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * An upload kept in memory up to a byte limit enforced here, on the server. The browser's
 * {@code Upload.setMaxFileSize} is only a courtesy of the web component: a crafted request ignores
 * it, and Vaadin's own limits are unlimited by default. Reading stops at the first byte over the
 * limit, so an endless body costs at most the limit in memory.
 */
public final class BoundedUpload implements UploadHandler {

    public interface Accepted {
        void accept(String fileName, byte[] bytes);
    }

    public interface Refused {
        void refuse(String fileName, String message);
    }

    private final int maxBytes;
    private final String tooLarge;
    private final Accepted accepted;
    private final Refused refused;

    /** @param tooLarge what the person reads when the file is over the limit */
    public BoundedUpload(int maxBytes, String tooLarge, Accepted accepted, Refused refused) {
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
        this.accepted = accepted;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        try (var in = event.getInputStream()) {
            var bytes = readAtMost(in, maxBytes);
            if (bytes.isEmpty()) {
                event.reject(tooLarge);
                refused.refuse(event.getFileName(), tooLarge);
                return;
            }
            accepted.accept(event.getFileName(), bytes.get());
        }
    }

    /**
     * A backstop for requests that declare a body far beyond the limit (Vaadin answers them itself,
     * without reading them); anything between is read up to the limit and refused here, with the
     * message and the caller's audit.
     */
    @Override
    public long getRequestSizeMax() {
        return 4L * maxBytes + 64 * 1024;
    }

    /** The bytes, or empty when there are more than max (the rest is not read). */
    static Optional<byte[]> readAtMost(InputStream in, int max) throws IOException {
        var out = new ByteArrayOutputStream(Math.min(max, 64 * 1024));
        var buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > max) {
                return Optional.empty();
            }
            out.write(buffer, 0, n);
        }
        return Optional.of(out.toByteArray());
    }
}
