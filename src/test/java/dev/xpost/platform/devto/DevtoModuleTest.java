package dev.xpost.platform.devto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.platform.Capabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevtoModuleTest {
    @Test
    void devtoIsReadBackToSettleAndWaitsForTheHashnodeUrl() {
        Capabilities c = DevtoModule.INSTANCE.capabilities();
        assertEquals("devto", DevtoModule.INSTANCE.name());
        assertEquals(Capabilities.Settle.LOOKUP, c.settle(), "dev.to allows duplicates: never settle by resending");
        assertTrue(c.linksHome());
        assertTrue(c.skipsOldPosts());
        assertFalse(c.home());
        assertEquals(List.of("DEVTO_API_KEY"), DevtoModule.INSTANCE.secretNames());
    }

    @Test
    void articleIdsAreNumbers() {
        assertTrue(DevtoModule.INSTANCE.badId("2045871").isEmpty());
        assertTrue(DevtoModule.INSTANCE.badId("urn:li:share:1").orElseThrow().contains("number"));
    }
}
