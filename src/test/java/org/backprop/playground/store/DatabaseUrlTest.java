package org.backprop.playground.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DatabaseUrlTest {
    @Test
    void a_platforms_postgres_url_becomes_a_jdbc_url_with_its_user_and_password() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://app:p%40ss+w@db.internal:6543/play?sslmode=require");
        assertEquals("jdbc:postgresql://db.internal:6543/play?sslmode=require", u.jdbcUrl());
        assertEquals("app", u.user());
        assertEquals("p@ss+w", u.password());
        assertTrue(u.postgres());
        assertFalse(u.toString().contains("p@ss"), "logs never show the password");
        assertEquals(
                "jdbc:postgresql://h/db", DatabaseUrl.parse("postgresql://h/db").jdbcUrl());
        assertNull(DatabaseUrl.parse("postgresql://h/db").user());
        assertEquals(
                "jdbc:postgresql://h/db?user=a",
                DatabaseUrl.parse("jdbc:postgresql://h/db?user=a").jdbcUrl());
    }

    @Test
    void anything_else_is_refused_with_a_message_that_hides_the_password() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://u:secret@h/db"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgres://h"));
    }
}
