package io.fleetmesh.api.packages;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload read up to a limit: one byte more and the read fails, so that nothing larger is ever stored whole. Each
 * read fills what it is asked for (or ends the stream): the Object Store makes a chunk of every read, and a network
 * stream hands out a few kilobytes at a time.
 */
final class SizeLimitedInput extends FilterInputStream {

    /** Thrown from a read past the limit. */
    static final class Exceeded extends IOException {
        Exceeded(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long read;

    SizeLimitedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        counted(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.readNBytes(buffer, offset, length);
        if (n == 0 && length > 0) {
            return -1;
        }
        counted(n);
        return n;
    }

    private void counted(int n) throws Exceeded {
        read += n;
        if (read > limit) {
            throw new Exceeded(limit);
        }
    }
}
