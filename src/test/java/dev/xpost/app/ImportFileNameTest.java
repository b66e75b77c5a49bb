package dev.xpost.app;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ImportFileNameTest {
    @Test
    void plainSlugsMakeFileNames() {
        for (String s : new String[] {"2023", "part-1-the-genesis", "salam-donya", "سلام", "a.b", "x".repeat(252)}) {
            assertNull(ImportUseCase.unsafeFileName(s), s);
        }
    }

    @Test
    void everythingThatCouldLeadElsewhereOrCannotBeCheckedOutIsRefused() {
        for (String s : new String[] {null, "", " ", ".", "..", "../../escaped", "/etc/passwd", "a/b", "a\\b",
                "C:evil", "nul", "COM1", "lpt9.txt", "aux.md", ".hidden", "trailing.", "trailing ", "new\nline",
                "tab\tbed", "esc\u001b[2J", "q\"uote", "star*", "x".repeat(253)}) {
            assertNotNull(ImportUseCase.unsafeFileName(s), String.valueOf(s));
        }
    }
}
