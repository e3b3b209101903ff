package cn.qingfeng.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending input field of a validation problem. */

public record FieldViolation(
        @Schema(description = "Field path as the client sent it, e.g. `name` or `parentId`") String field,
        @Schema(description = "What is wrong, for people") String message) {
}
