package org.backprop.playground.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class NicknamesTest {
    @Test
    void letters_of_any_script_digits_spaces_and_dot_underscore_dash_up_to_24_after_trimming() {
        assertEquals("Ada", Nicknames.clean("  Ada "));
        assertEquals("김민수 2", Nicknames.clean("김민수 2"));
        assertEquals("j.doe_x-1", Nicknames.clean("j.doe_x-1"));
        assertEquals("é", Nicknames.clean("e\u0301"), "NFC: one nickname whichever way it was typed");
        assertEquals("a".repeat(24), Nicknames.clean("a".repeat(24)));
        assertNull(Nicknames.clean("a".repeat(25)));
        assertNull(Nicknames.clean("   "));
        assertNull(Nicknames.clean(null));
        assertNull(Nicknames.clean("<script>"));
        assertNull(Nicknames.clean("a\"b"));
        assertNull(Nicknames.clean("tab\there"));
        assertNull(Nicknames.clean("emoji 😀"));
    }

    @Test
    void the_key_ignores_case() {
        assertEquals(Nicknames.key("ADA"), Nicknames.key("ada"));
        assertEquals(Nicknames.key(Nicknames.clean("STRASSE")), Nicknames.key(Nicknames.clean("strasse")));
    }
}
