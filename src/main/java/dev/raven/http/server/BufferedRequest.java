package dev.raven.http.server;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Request;

import java.nio.ByteBuffer;

/** A request whose body was read in full beforehand: reads and demands are answered from memory. */
final class BufferedRequest extends Request.Wrapper {
    private final ByteBufferContentSource body;

    BufferedRequest(Request wrapped, ByteBuffer bytes) {
        super(wrapped);
        this.body = new ByteBufferContentSource(bytes);
    }

    @Override
    public long getLength() {
        return body.getLength();
    }

    @Override
    public Content.Chunk read() {
        return body.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
        body.demand(demandCallback);
    }

    @Override
    public void fail(Throwable failure) {
        body.fail(failure);
    }
}
