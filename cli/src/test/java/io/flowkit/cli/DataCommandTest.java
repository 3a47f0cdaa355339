package io.flowkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.flowkit.core.io.DataLocation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowkit data list|fetch} against FLOWKIT_DATA and a loopback mirror of it. */
class DataCommandTest {

    @TempDir
    Path dir;

    @Test
    void listShowsTheStateOfEveryDataSet() {
        String here = CliRunner.run("data", "list", "--root", DataLocation.root().toString());
        assertTrue(here.startsWith("0\n") && here.contains("grambow-842") && here.contains("meshes/cgal"), here);
        assertTrue(!here.contains("missing") && !here.contains("incomplete") && here.contains("present"), here);
        String empty = CliRunner.run("data", "list", "--root", dir.toString());
        assertTrue(empty.startsWith("0\n") && empty.contains("missing") && !empty.contains("present"), empty);
    }

    @Test
    void fetchFromAMirrorThenNothingToDoAndUnknownNamesOrMissingFilesFail() throws IOException {
        Path data = DataLocation.root().toAbsolutePath().normalize();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                Path p = data.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
                if (!p.startsWith(data.resolve("assembly")) || !Files.isRegularFile(p)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = Files.readAllBytes(p);
                ex.sendResponseHeaders(200, bytes.length);
                ex.getResponseBody().write(bytes);
            }
        });
        server.start();
        try {
            String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            String r = CliRunner.run("data", "fetch", "--only", "breaking-bad-everyday", "--mirror", mirror, "--root",
                    dir.toString());
            assertTrue(r.startsWith("0\n") && r.contains("breaking-bad-everyday: 8 downloaded"), r);
            Path part = Path.of("assembly/breaking-bad-everyday/everyday/Bowl/4b93a81c3534e56d19620b61f6587b3e/fractured_13/part_000.ply");
            assertEquals(-1, Files.mismatch(data.resolve(part), dir.resolve(part)));

            String again = CliRunner.run("data", "fetch", "--only", "breaking-bad-everyday", "--mirror", mirror, "--root",
                    dir.toString());
            assertTrue(again.contains("0 downloaded (0 B), 8 already present, 0 failed"), again);

            String missing = CliRunner.run("data", "fetch", "--only", "pugan-official", "--mirror", mirror, "--root",
                    dir.toString(), "--retries", "0");
            assertTrue(missing.startsWith("1\n") && missing.contains("HTTP 404 for " + mirror + "pointclouds/pugan-official/"),
                    missing);

            String unknown = CliRunner.run("data", "fetch", "--only", "bunny", "--root", dir.toString());
            assertTrue(unknown.startsWith("2\n") && unknown.contains("unknown data set 'bunny'; known: grambow-842, "),
                    unknown);
        } finally {
            server.stop(0);
        }
    }
}
