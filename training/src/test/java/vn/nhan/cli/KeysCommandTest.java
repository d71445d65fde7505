package vn.nhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.feedback.ApiKeys;
import vn.nhan.feedback.FeedbackStore;

/** bin/nhan keys: a key printed once, listed without its secret, revoked; bad roles are usage errors. */
class KeysCommandTest {
    @TempDir
    Path registry;

    @Test
    void addListRevoke() throws Exception {
        CliRunner.Result add = CliRunner.run("keys", "add", "--name", "lan", "--role", "editor", "--registry", registry.toString());
        assertEquals(0, add.exitCode(), add.err());
        String key = add.out().strip();
        assertTrue(key.startsWith("nhan_"), add.out());
        try (FeedbackStore store = FeedbackStore.open(FeedbackStore.sqliteUrl(registry))) {
            assertEquals(ApiKeys.Check.Status.VALID, store.keys().check(key).status());
        }
        CliRunner.Result list = CliRunner.run("keys", "list", "--registry", registry.toString());
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().startsWith("lan "), list.out());
        assertTrue(list.out().contains("editor"), list.out());
        assertFalse(list.out().contains(key.substring(18)), "no secret in the listing");
        assertEquals(0, CliRunner.run("keys", "revoke", "lan", "--registry", registry.toString()).exitCode());
        assertTrue(CliRunner.run("keys", "list", "--registry", registry.toString()).out().contains("revoked"));
        CliRunner.Result again = CliRunner.run("keys", "revoke", "lan", "--registry", registry.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("there is no active key named 'lan'"), again.err());
        CliRunner.Result duplicate = CliRunner.run("keys", "add", "--name", "lan", "--role", "admin", "--registry", registry.toString());
        assertEquals(1, duplicate.exitCode());
        assertTrue(duplicate.err().contains("a key named 'lan' already exists"), duplicate.err());
    }

    @Test
    void anUnknownRoleIsRefused() {
        CliRunner.Result run = CliRunner.run("keys", "add", "--name", "x", "--role", "boss", "--registry", registry.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--role: role must be one of [editor, admin], got 'boss'"), run.err());
    }
}
