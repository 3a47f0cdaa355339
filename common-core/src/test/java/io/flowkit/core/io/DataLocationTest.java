package io.flowkit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataLocationTest {

    @Test
    void aMissingDataSetNamesTheFetchCommandAndTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DataLocation.dataset("meshes/no-such-set"));
        String m = e.getMessage();
        assertTrue(m.startsWith("data set 'meshes/no-such-set' not found: "), m);
        assertTrue(m.contains("get it with: flowkit data fetch --only no-such-set"), m);
        assertTrue(m.contains(DataLocation.ENVIRONMENT_VARIABLE), m);
    }

    @Test
    void theShortNameIsTheLastFolder() {
        assertEquals("grambow-842", DataLocation.shortName("reactions/grambow-842"));
        assertEquals("cgal", DataLocation.shortName("meshes/cgal/"));
        assertEquals("cgal", DataLocation.shortName("cgal"));
    }
}
