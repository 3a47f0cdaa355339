package io.flowkit.flow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** Device names: cpu always works, a GPU is either found or refused with what to add. */
class DevicesTest {

    @Test
    void cpuAndAutoResolve() {
        assertEquals(Device.cpu(), Devices.resolve("cpu"));
        assertEquals(Device.cpu(), Devices.resolve(" CPU "));
        Device auto = Devices.resolve("auto");
        assertEquals(Devices.gpuCount() > 0 ? Device.gpu(0) : Device.cpu(), auto);
    }

    @Test
    void gpuIsFoundOrRefusedWithTheMissingNatives() {
        if (Devices.gpuCount() > 0) {
            assertEquals(Device.gpu(0), Devices.resolve("gpu"));
        } else {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Devices.resolve("gpu"));
            assertTrue(e.getMessage().contains("PYTORCH_LIBRARY_PATH"), e.getMessage());
            assertTrue(e.getMessage().contains("--device cpu"), e.getMessage());
        }
        int count = Devices.gpuCount();
        IllegalStateException beyond = assertThrows(IllegalStateException.class, () -> Devices.resolve("gpu:" + (count + 3)));
        assertTrue(beyond.getMessage().startsWith("device gpu:" + (count + 3)), beyond.getMessage());
    }

    @Test
    void badNamesAreRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Devices.resolve("tpu"));
        assertEquals("unknown device: tpu (known: cpu, gpu, gpu:N, auto)", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Devices.resolve("gpu:x"));
        assertThrows(IllegalArgumentException.class, () -> Devices.resolve("gpu:-1"));
        assertThrows(IllegalArgumentException.class, () -> Devices.resolve(null));
    }
}
