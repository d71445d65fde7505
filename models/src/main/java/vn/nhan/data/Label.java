package vn.nhan.data;

import java.util.Objects;

/** A label of the taxonomy: stable id, display name, group ("event", "theme") and description. */
public record Label(String id, String name, String group, String description) {
    public Label {
        Objects.requireNonNull(id, "label id must not be null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("label id must not be blank");
        }
        name = name == null || name.isBlank() ? id : name;
        group = group == null ? "" : group;
        description = description == null ? "" : description;
    }
}
