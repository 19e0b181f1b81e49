package dev.raven.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The address check behind operator routes; real remote peers cannot be staged in a test, so it is checked here. */
class LocalRequestsTest {

    @Test
    void loopbackAddressesCountAsLocal() {
        for (String address : new String[] {"127.0.0.1", "127.10.0.3", "::1", "[::1]", "0:0:0:0:0:0:0:1",
                "[0:0:0:0:0:0:0:1]", "::ffff:127.0.0.1"}) {
            assertTrue(LocalRequests.isLoopback(address), address);
        }
    }

    @Test
    void everythingElseDoesNot() {
        for (String address : new String[] {"10.0.0.1", "192.168.1.10", "203.0.113.9", "0.0.0.0", "::",
                "::ffff:10.0.0.1", "2001:db8::1", "fe80::1", "localhost", "127.0.0.1.example.org", "", "[]", "::1::1"}) {
            assertFalse(LocalRequests.isLoopback(address), address);
        }
        assertFalse(LocalRequests.isLoopback(null));
    }
}
