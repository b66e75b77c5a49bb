package dev.xpost.platform.devto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevtoTagsTest {
    @Test
    void tagsBecomeLowerCaseAlphanumeric() {
        assertEquals(List.of("cicd", "nodejs", "aws"), DevtoTags.of(List.of("ci-cd", "node-js", "AWS")));
    }

    @Test
    void hashnodeCuidSuffixIsDroppedBeforeStripping() {
        assertEquals(List.of("cicd", "devops"),
                DevtoTags.of(List.of("cicd-cjy1vtdk2005kjjs17n8couc3", "devops")));
    }

    @Test
    void theFirstFourDistinctTagsInFileOrderAreKept() {
        List<String> tags = List.of("java", "ci-cd", "cicd", "aws", "cloud", "history", "serverless");
        assertEquals(List.of("java", "cicd", "aws", "cloud"), DevtoTags.of(tags));
        assertEquals(List.of("cicd", "history", "serverless"), DevtoTags.leftOut(tags));
    }

    @Test
    void emptyAndOverlongTagsAreLeftOut() {
        String longTag = "a".repeat(31);
        assertEquals(List.of("go", "x" + "y".repeat(29)),
                DevtoTags.of(List.of("---", longTag, "go", "x" + "y".repeat(29))));
        assertEquals(List.of(), DevtoTags.of(List.of()));
    }
}
