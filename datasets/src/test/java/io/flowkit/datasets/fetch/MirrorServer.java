package io.flowkit.datasets.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server holding copies of real files at the mirror layout ({@code /folder/path}),
 * honouring {@code Range: bytes=N-} unless told not to, and misbehaving on request: cutting the
 * first answer for a path in half, serving altered bytes, answering 416.
 */
final class MirrorServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String path, String range, int status) {
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Set<String> cutOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> refuseRange = ConcurrentHashMap.newKeySet();
    private volatile boolean honourRange = true;

    private MirrorServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves every manifest file of a data set, read from a data root, at {@code /folder/path}.
     *
     * @param root the data root holding the real copies (FLOWKIT_DATA)
     * @param dataset the data set
     * @return the running server
     * @throws IOException if a file cannot be read
     */
    static MirrorServer serving(Path root, DatasetEntry dataset) throws IOException {
        MirrorServer s = new MirrorServer();
        for (FileEntry f : dataset.files()) {
            s.put(dataset.folder() + "/" + f.path(), Files.readAllBytes(root.resolve(dataset.folder()).resolve(f.path())));
        }
        return s;
    }

    /** @return the mirror address, {@code http://127.0.0.1:PORT/} */
    URI mirror() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
    }

    /** Replaces the bytes served for a path ({@code folder/path}). */
    void put(String path, byte[] content) {
        files.put("/" + path, content);
    }

    /** The first answer for this path sends half of its bytes, then drops the connection. */
    void cutFirstAnswer(String path) {
        cutOnce.add("/" + path);
    }

    /** Range requests for this path get 416. */
    void refuseRange(String path) {
        refuseRange.add("/" + path);
    }

    /** Answers 200 with the whole file whatever Range asks. */
    void ignoreRange() {
        honourRange = false;
    }

    /** @return the requests so far */
    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        byte[] content = files.get(path);
        try (ex) {
            if (content == null) {
                requests.add(new Request(path, range, 404));
                ex.sendResponseHeaders(404, -1);
                return;
            }
            long from = 0;
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (m != null && m.matches() && honourRange) {
                from = Long.parseLong(m.group(1));
                if (from >= content.length || refuseRange.contains(path)) {
                    requests.add(new Request(path, range, 416));
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                ex.getResponseHeaders().set("Content-Range",
                        "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            }
            int status = from > 0 ? 206 : 200;
            requests.add(new Request(path, range, status));
            int length = content.length - (int) from;
            ex.sendResponseHeaders(status, length);
            OutputStream out = ex.getResponseBody();
            if (cutOnce.remove(path)) {
                out.write(content, (int) from, length / 2);
                out.flush();
                pause(); // let the client take the half before the connection drops
                return; // closing with bytes missing drops the connection
            }
            out.write(content, (int) from, length);
        } catch (IOException dropped) {
            // the cut answer: the connection is closed, as intended
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
