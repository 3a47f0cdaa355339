package io.flowkit.datasets.mesh.io;

import io.flowkit.core.io.AtomicFiles;
import io.flowkit.datasets.internal.ParserErrors;
import io.flowkit.datasets.internal.MeshBuffer;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.geometry.euclidean.threed.Vector3D;
import org.apache.commons.geometry.io.euclidean.threed.obj.ObjWriter;
import org.apache.commons.geometry.io.euclidean.threed.obj.PolygonObjParser;

/**
 * Wavefront OBJ meshes through Apache Commons Geometry's OBJ parser and writer: {@code v} lines
 * are the vertices, in file order and never merged (so vertex i of the file is vertex i of the
 * mesh, which keeps correspondences); {@code f} lines are faces (polygons split into fans, texture
 * and normal indices ignored, negative indices resolved); other keywords are ignored. Signals are
 * not part of OBJ and are not written.
 */
public final class ObjFormat {

    private ObjFormat() {}

    /**
     * Reads an OBJ mesh.
     *
     * @param file the file
     * @return the mesh
     * @throws MalformedInputException for a parse error (with the parser's line and column), a
     *     file without vertices, a non-finite coordinate or a face index out of range
     * @throws IOException if the file cannot be read
     */
    public static TriangleMesh read(Path file) throws IOException {
        MeshBuffer mesh = new MeshBuffer();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            PolygonObjParser parser = new PolygonObjParser(reader);
            while (parser.nextKeyword()) {
                String keyword = parser.getCurrentKeyword();
                if ("v".equals(keyword)) {
                    Vector3D p = parser.readVector();
                    mesh.addVertex(p.getX(), p.getY(), p.getZ());
                } else if ("f".equals(keyword)) {
                    mesh.addFan(parser.readFace().getVertexIndices());
                }
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ParserErrors.wrap(file, "OBJ", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw io.flowkit.datasets.io.MalformedInputException.of(file, "is not a UTF-8 text OBJ file (binary?)", e);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw io.flowkit.datasets.io.MalformedInputException.of(file, "is not a UTF-8 text OBJ file (binary?)", e);
            }
            throw e;
        }
        return mesh.build(file, "OBJ");
    }

    /**
     * Writes an OBJ mesh ({@code v} and {@code f} lines, 1-based), coordinates in full precision.
     *
     * @param file the target, written through a temporary file
     * @param mesh the mesh
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void write(Path file, TriangleMesh mesh) throws IOException {
        double[] v = mesh.vertices();
        int[] f = mesh.faces();
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            ObjWriter obj = new ObjWriter(w);
            obj.setDoubleFormat(Double::toString);
            obj.writeComment("flowkit triangle mesh: " + mesh.vertexCount() + " vertices, " + mesh.faceCount() + " faces");
            for (int i = 0; i < v.length; i += 3) {
                obj.writeVertex(Vector3D.of(v[i], v[i + 1], v[i + 2]));
            }
            for (int i = 0; i < f.length; i += 3) {
                obj.writeFace(f[i], f[i + 1], f[i + 2]);
            }
            w.flush();
        });
    }
}
