package dev.xpost.platform.hashnode;

import java.util.Map;

/**
 * Where and how to upload one image, as {@code createImageUploadURL} answers: a multipart POST to {@code url}
 * (S3, valid for about 60 s) with every one of {@code fields} first and the file last.
 *
 * @param url    the upload target; the Hashnode token must never go there
 * @param fields form fields in the order Hashnode gave them, {@code key} among them
 */
record PresignedPost(String url, Map<String, String> fields) {
    static final String CDN = "https://cdn.hashnode.com/";

    PresignedPost {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /** Where readers find the image once uploaded (API.md §7): the CDN and the object key, not the S3 URL. */
    String cdnUrl() {
        return CDN + fields.get("key");
    }
}
