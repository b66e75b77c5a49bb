package dev.xpost.cli;

/**
 * {@code --format} of validate, plan and publish. Lower-case constants because picocli shows and matches them as
 * written: {@code --format github}.
 */
enum OutputFormat {
    /** The text report (the default). */
    text,
    /** One JSON document, as {@code --json}. */
    json,
    /** The text report plus one GitHub Actions workflow command per problem, failure and warning. */
    github;

    static final String DESCRIPTION = "text (default), json (the same as --json) or github: the text plus one "
            + "GitHub Actions annotation per problem, failure and warning (::error file=…,line=…,title=rule::…).";
}
