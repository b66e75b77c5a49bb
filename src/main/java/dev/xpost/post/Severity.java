package dev.xpost.post;

/** How bad a {@link Problem} is: errors stop publishing, warnings are only reported. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
