package nl.verzuimhub.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client for the feed clients: GET requests over one kept-alive plain TCP connection, the body read
 * whole (by {@code Content-Length} or chunked). It exists so that the harness's own clients, which share the hub's two
 * cores, cost little CPU per page: the JDK's {@code HttpClient} (selector thread, futures, decoding the body to a
 * String) cost about 3 ms per feed page. Not a general client: no redirects, no TLS, no trailers, no 1xx; a response
 * that says {@code Connection: close} or any I/O error closes the connection, and the next request opens a new one.
 */
final class KeepAliveGet implements AutoCloseable {
    /** A response: its status and its body's bytes. */
    record Response(int status, byte[] body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveGet(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** Sends {@code GET path} with the given {@code Authorization} header value and reads the whole response. */
    Response get(String path, String authorization) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        try {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + authorization
                    + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase();
                String value = header.substring(colon + 1).trim().toLowerCase();
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close = value.contains("close");
                    default -> {
                    }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(chunked ? 64 * 1024 : (int) Math.max(contentLength, 0));
            if (chunked) {
                for (int size = Integer.parseInt(chunkSize(line()), 16); size > 0;
                     size = Integer.parseInt(chunkSize(line()), 16)) {
                    copy(size, body);
                    line();
                }
                line(); // the empty line after the last chunk (no trailers)
            } else if (contentLength > 0) {
                copy(contentLength, body);
            }
            if (close) {
                close();
            }
            return new Response(status, body.toByteArray());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection: nothing to do
            }
            socket = null;
        }
    }

    private static String chunkSize(String line) {
        int extension = line.indexOf(';');
        return (extension < 0 ? line : line.substring(0, extension)).trim();
    }

    private void copy(long count, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        for (long left = count; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("connection closed inside a response body");
            }
            to.write(buffer, 0, read);
            left -= read;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed inside a response head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
