package dev.xpost.platform.linkedin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The JSON bodies xpost sends to LinkedIn, as typed records (reference §1.3, §1.4, §2.4, §5). */
final class WireBodies {
    private WireBodies() {
    }

    /** {@code POST /rest/posts}. {@code content} is left out, not null, for a text-only post (reference §1.3). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatePost(String author, String commentary, String visibility, Distribution distribution, Content content,
                      String lifecycleState, boolean isReshareDisabledByAuthor) {
        static CreatePost of(String author, String commentary, Article article) {
            return new CreatePost(author, commentary, "PUBLIC",
                    new Distribution("MAIN_FEED", List.of(), List.of()),
                    article == null ? null : new Content(article), "PUBLISHED", false);
        }
    }

    record Distribution(String feedDistribution, List<String> targetEntities,
                        List<String> thirdPartyDistributionChannels) {
    }

    record Content(Article article) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Article(String source, String title, String description, String thumbnail) {
    }

    /** {@code PARTIAL_UPDATE}: {@code {"patch":{"$set":{"commentary":…}}}}. */
    record PartialUpdate(Patch patch) {
        static PartialUpdate commentary(String commentary) {
            return new PartialUpdate(new Patch(new SetCommentary(commentary)));
        }
    }

    record Patch(@JsonProperty("$set") SetCommentary set) {
    }

    record SetCommentary(String commentary) {
    }

    /** {@code POST /rest/images?action=initializeUpload}. */
    record InitializeUpload(InitializeUploadRequest initializeUploadRequest) {
        static InitializeUpload owner(String owner) {
            return new InitializeUpload(new InitializeUploadRequest(owner));
        }
    }

    record InitializeUploadRequest(String owner) {
    }
}
