package io.flowkit.assembly;

import ai.djl.Device;
import io.flowkit.assembly.assemble.PartAssembler;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.ArrayList;
import java.util.List;

/**
 * One-line reassembly of fractured parts: {@code Assembly.assemble(parts)} with the model shipped
 * in this jar and the default {@link PartAssembler} (flow hypotheses chosen and completed by the
 * geometric stage). The shipped model is loaded on first use and kept for the life of the class, as
 * {@code TsGen} and {@code Pufm} do. For other settings or a model of your own, build a
 * {@link PartAssembler}.
 */
public final class Assembly {

    private Assembly() {}

    /** The default assembler, made on first use; its model lives as long as the class. */
    private static final class Default {
        static final PartAssembler ASSEMBLER = PartAssembler.builder()
                .setModel(AssemblyModel.loadDefault(Device.cpu())).build();
    }

    /**
     * Assembles parts given in any poses.
     *
     * @param parts the part meshes (closed), at least 2
     * @return each part's pose, the posed parts, the combined object and a confidence per part
     * @throws IllegalArgumentException for fewer than 2 parts or a part that is not a closed mesh
     */
    public static PartAssembler.Assembled assemble(List<TriangleMesh> parts) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            names.add("part " + i);
        }
        return Default.ASSEMBLER.assemble(parts, names);
    }
}
