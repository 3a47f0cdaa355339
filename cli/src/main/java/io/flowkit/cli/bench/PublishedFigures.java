package io.flowkit.cli.bench;

import io.flowkit.validation.report.ResultTable;

/**
 * The published figures of each reproduced paper, printed beside the measured ones for context.
 * Only figures read in a primary source (the paper's abstract, project page or official repository)
 * are listed, each with its source; they were measured on other data and hardware, usually with
 * full-scale models on GPUs, and are not comparable one to one.
 */
public final class PublishedFigures {

    private static final String NOTE = "Published figures, for context only: measured by the authors on other data "
            + "(or other splits), with full-scale models on GPUs; not comparable one to one with the figures above.";

    private PublishedFigures() {}

    private static ResultTable.Builder table(String title) {
        return ResultTable.builder().optTitle(title).setColumns("method", "figure", "value", "data", "source")
                .optNote(NOTE);
    }

    /** @return transition-state generation: TS-GEN, React-OT, OA-ReactDiff */
    public static ResultTable tsgen() {
        return table("tsgen: published figures")
                .addRow("TS-GEN (Tuo et al. 2025)", "TS RMSD", "0.004 Å", "Transition1x", "arXiv:2507.10530v1, abstract")
                .addRow("TS-GEN (Tuo et al. 2025)", "mean barrier error", "1.019 kcal/mol", "Transition1x",
                        "arXiv:2507.10530v1, abstract")
                .addRow("TS-GEN (Tuo et al. 2025)", "share within 1.58 kcal/mol", "> 87%", "Transition1x",
                        "arXiv:2507.10530v1, abstract")
                .addRow("React-OT (Duan et al. 2025)", "median TS RMSD", "0.053 Å", "Transition1x",
                        "Nat. Mach. Intell. (2025), abstract")
                .addRow("React-OT (Duan et al. 2025)", "median barrier error", "1.06 kcal/mol", "Transition1x",
                        "Nat. Mach. Intell. (2025), abstract")
                .addRow("OA-ReactDiff (Duan et al. 2023)", "median TS RMSD", "0.08 Å", "Transition1x",
                        "Nat. Comput. Sci. (2023), abstract")
                .build();
    }

    /** @return point cloud upsampling on the PU-GAN test set */
    public static ResultTable pufm() {
        return table("pufm: published figures (x4, ×10⁻³)")
                .addRow("PU-GAN (as reported by LiPUpNet)", "CD / HD / P2F", "0.242 / 3.020 / 1.973",
                        "PU-GAN test set, 2,048 → 8,192", "LiPUpNet repository README")
                .optNote("PUFM++'s own table (arXiv:2512.20988) could not be read here; its figures are not quoted. "
                        + "PU-GAN as a baseline varies several-fold between papers with the evaluation protocol.")
                .build();
    }

    /** @return Matérn-noise flow matching on meshes */
    public static ResultTable matern() {
        return table("matern: published claims")
                .addRow("Matérn-FM (Kuai et al. 2026)", "scale", "meshes of over one million triangles", "—",
                        "arXiv:2605.19305, abstract")
                .addRow("Matérn-FM (Kuai et al. 2026)", "training resolution", "10k faces (elastic states)", "—",
                        "matern-fm.github.io")
                .optNote("The paper's MMD and timing tables could not be read here; no figure is quoted.")
                .build();
    }

    /** @return shape assembly: GARF, TORA */
    public static ResultTable assembly() {
        return table("assembly: published figures")
                .addRow("GARF", "part accuracy", "95.68%", "Breaking Bad (volume), everyday", "ai4ce/GARF README")
                .addRow("GARF", "RMSE(R) / RMSE(T)", "5.32 / 1.14", "Breaking Bad (volume), everyday", "ai4ce/GARF README")
                .addRow("TORA (Lee et al. 2026)", "convergence speed-up from alignment", "up to 6.9×", "Breaking Bad",
                        "arXiv:2604.04050, abstract (the project page says up to 5.9×)")
                .addRow("TORA (Lee et al. 2026)", "part accuracy", "95.7%", "Breaking Bad", "nahyuklee.github.io/tora")
                .build();
    }
}
