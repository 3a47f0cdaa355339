package io.flowkit.datasets.io;

import static io.flowkit.datasets.Fixtures.bad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.mesh.io.DmatFormat;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.datasets.molecule.io.ReactionTriplets;
import io.flowkit.datasets.molecule.io.SdfFormat;
import io.flowkit.datasets.molecule.io.Transition1xReader;
import io.flowkit.datasets.molecule.io.XyzFormat;
import io.flowkit.datasets.pointcloud.io.PointCloudFiles;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of broken files in src/test/resources/bad: every reader rejects each one with a
 * {@link MalformedInputException} whose message names the file, the line or record where known, and
 * the problem.
 */
class BadInputTest {

    /** A reader under test. */
    @FunctionalInterface
    interface Reader {
        Object read(Path file) throws Exception;
    }

    private static final Reader XYZ = XyzFormat::readAll;
    private static final Reader SDF = SdfFormat::readAll;
    private static final Reader CLOUD = PointCloudFiles::read;
    private static final Reader MESH = MeshFiles::read;
    private static final Reader DMAT = DmatFormat::read;
    private static final Reader T1X = f -> Transition1xReader.read(f, "data");

    /**
     * @return file, reader, where ("line 4", "record 1" or "" when the problem is not on a line), problem
     */
    static Stream<Arguments> corpus() {
        return Stream.of(
                // molecules
                Arguments.of("truncated.xyz", XYZ, "record 0 (line 4)", "frame 0 declares 3 atoms but atom 2 is missing"),
                Arguments.of("wrong_atom_count.xyz", XYZ, "record 1 (line 5)", "expected the atom count of frame 1 but found 'H 0 0 1.48'"),
                Arguments.of("nan.xyz", XYZ, "record 0 (line 4)", "atom 1 has a non-finite coordinate: NaN"),
                Arguments.of("unknown_element.xyz", XYZ, "record 0 (line 4)", "unknown element symbol: Xx"),
                Arguments.of("bad_properties.extxyz", XYZ, "record 0 (line 2)", "Properties is not a list of name:type:count triples"),
                Arguments.of("empty.xyz", XYZ, "", "file is empty"),
                Arguments.of("malformed_record.sdf", SDF, "record 1 (line 12)", "molfile record has no atoms"),
                Arguments.of("truncated.sdf", SDF, "record 0 (line 1)", "malformed molfile"),
                Arguments.of("wrong_atom_count.sdf", SDF, "record 0 (line 1)", "malformed molfile"),
                Arguments.of("mismatch_products.sdf", (Reader) f -> ReactionTriplets.read(bad("mismatch_reactants.sdf"), f, null),
                        "record 1", "reaction 1: atom 0 is H here but O in mismatch_reactants.sdf (atom order differs)"),
                Arguments.of("not_hdf5.h5", T1X, "", "not a readable HDF5 file"),
                // point clouds
                Arguments.of("empty_cloud.xyz", CLOUD, "", "point cloud is empty"),
                Arguments.of("four_columns.xyz", CLOUD, "line 1", "point 0 has 4 columns; expected 3 (x y z) or 6"),
                Arguments.of("ragged.xyz", CLOUD, "line 3", "point 2 has 6 columns but earlier points have 3"),
                Arguments.of("nan_cloud.xyz", CLOUD, "line 2", "point 1 has a non-finite coordinate: nan"),
                Arguments.of("empty_cloud.ply", CLOUD, "", "point cloud is empty"),
                Arguments.of("cut_short_cloud.ply", CLOUD, "", "file ends early: binary body cut short in vertex 2 of 3"),
                // meshes
                Arguments.of("face_out_of_range.off", MESH, "line 8", "face 1 refers to vertex 4 but the mesh has 4 vertices"),
                Arguments.of("truncated.off", MESH, "line 8", "file ends early: expected face 2 of 4"),
                Arguments.of("bad_header.off", MESH, "line 1", "not an OFF file: the header is 'OFFF'"),
                Arguments.of("nan_vertex.off", MESH, "line 5", "vertex 2 has a non-finite coordinate: NaN"),
                Arguments.of("bad_counts.off", MESH, "line 2", "vertex count is not an integer: 'four'"),
                Arguments.of("cut_short.ply", MESH, "", "file ends early: binary body cut short in face 3 of 4"),
                Arguments.of("malformed_header.ply", MESH, "line 3", "element 'vertex' count is not a non-negative integer: 'x'"),
                Arguments.of("no_end_header.ply", MESH, "", "PLY header has no end_header line"),
                Arguments.of("face_out_of_range.ply", MESH, "", "face 1 refers to vertex 7 but the mesh has 4 vertices"),
                Arguments.of("nan.ply", MESH, "line 11", "vertex 1 has a non-finite value in property 'y': NaN"),
                Arguments.of("not_ply.ply", MESH, "line 1", "not a PLY file"),
                Arguments.of("face_out_of_range.obj", MESH, "line 4", "vertex index must evaluate to be within the range [1, 3] but was 9"),
                Arguments.of("malformed.obj", MESH, "line 2", "malformed OBJ"),
                Arguments.of("nan.obj", MESH, "", "vertex 1 has a non-finite coordinate: NaN"),
                Arguments.of("truncated.stl", MESH, "", "malformed STL"),
                Arguments.of("truncated_ascii.stl", MESH, "", "malformed STL"),
                Arguments.of("truncated.dmat", DMAT, "", "file ends early: binary dmat declares 4 x 3 = 12 doubles but holds 5"),
                Arguments.of("truncated_ascii.dmat", DMAT, "", "file ends early: dmat declares 4 x 3 = 12 values but holds 2"),
                Arguments.of("bad_header.dmat", DMAT, "line 1", "dmat header is not 'cols rows': 'three 4'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rejectsWithTheFileThePlaceAndTheProblem(String name, Reader reader, String where, String problem) {
        Path file = bad(name);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString() + ": "), "names the file: " + message);
        assertEquals(file, e.file());
        assertTrue(message.contains(problem), "names the problem '" + problem + "': " + message);
        if (!where.isEmpty()) {
            assertTrue(message.contains(": " + where + ": "), "names the place '" + where + "': " + message);
        }
    }
}
