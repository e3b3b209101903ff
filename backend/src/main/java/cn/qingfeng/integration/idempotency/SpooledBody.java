package cn.qingfeng.integration.idempotency;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body read once, to hash it, and handed to the endpoint again: small bodies (JSON) stay
 * in memory, larger ones (uploads) go to a temporary file that is deleted when the request ends.
 */
final class SpooledBody {

    private static final int IN_MEMORY = 256 * 1024;

    private final byte[] bytes;
    private final Path file;

    private SpooledBody(byte[] bytes, Path file) {
        this.bytes = bytes;
        this.file = file;
    }

    /** Reads the whole stream, feeding the fingerprint. */
    static SpooledBody read(InputStream in, Fingerprint digest) throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        Path file = null;
        OutputStream out = memory;
        try {
            int n;
            while (in != null && (n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                if (file == null && memory.size() + n > IN_MEMORY) {
                    file = Files.createTempFile("qingfeng-idempotency", ".body");
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                }
                out.write(buffer, 0, n);
            }
            if (file != null) {
                out.close();
            }
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                out.close();
                Files.deleteIfExists(file);
            }
            throw e;
        }
        return file == null ? new SpooledBody(memory.toByteArray(), null) : new SpooledBody(null, file);
    }

    InputStream open() throws IOException {
        if (file == null) {
            return new ByteArrayInputStream(bytes);
        }
        return new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public void close() throws IOException {
                super.close();
                discard();
            }
        };
    }

    void discard() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file; the OS cleans the directory eventually.
            }
        }
    }
}
