package io.complexitynet.labeler.domain;

import io.complexitynet.core.refusal.RequestRefused;
import java.io.ByteArrayOutputStream;

/**
 * A data set's content as it arrives in pieces: named by its first piece, refused as soon as it passes the
 * import limit, so a caller cannot make the labeler hold more than {@code maxBytes} of it.
 */
public final class DatasetUpload {

    private final long maxBytes;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();
    private String name;
    private String format;

    public DatasetUpload(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @param name and {@code format} count only in the first piece */
    public void add(String name, String format, byte[] chunk) {
        if (this.name == null) {
            this.name = name;
            this.format = format;
        }
        if ((long) content.size() + chunk.length > maxBytes) {
            throw RequestRefused.exhausted("content: more than labeler.import.max-bytes (" + maxBytes
                    + " bytes); nothing was imported");
        }
        content.write(chunk, 0, chunk.length);
    }

    /** The name the first piece gave; empty when nothing arrived. */
    public String name() {
        return name == null ? "" : name;
    }

    /** The format the first piece named; empty to recognise it. */
    public String format() {
        return format == null ? "" : format;
    }

    public byte[] content() {
        return content.toByteArray();
    }
}
