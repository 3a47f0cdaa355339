package io.flowkit.validation.molecule.energy;

import java.util.List;

/** The Hamiltonian (or force field) xtb evaluates, with the command-line flags that select it. */
public enum XtbMethod {

    /** GFN2-xTB (Bannwarth, Ehlert and Grimme, J. Chem. Theory Comput. 15, 1652, 2019); xtb's default. */
    GFN2("GFN2-xTB", "--gfn", "2"),
    /** GFN1-xTB (Grimme, Bannwarth and Shushkov, J. Chem. Theory Comput. 13, 1989, 2017). */
    GFN1("GFN1-xTB", "--gfn", "1"),
    /** GFN-FF, a force field (Spicher and Grimme, Angew. Chem. Int. Ed. 59, 15665, 2020); no HOMO-LUMO gap. */
    GFN_FF("GFN-FF", "--gfnff");

    private final String displayName;
    private final List<String> flags;

    XtbMethod(String displayName, String... flags) {
        this.displayName = displayName;
        this.flags = List.of(flags);
    }

    /** @return the name xtb prints, for example "GFN2-xTB" */
    public String displayName() {
        return displayName;
    }

    /** @return the command-line flags that select the method */
    List<String> flags() {
        return flags;
    }
}
