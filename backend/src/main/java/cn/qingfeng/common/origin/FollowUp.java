package cn.qingfeng.common.origin;

import java.util.UUID;

/** A record opened from an origin (an item or task opened at a review): the other direction of {@link OriginRef}. */
public record FollowUp(UUID originId, String type, UUID id, String code, String title, String status) {
}
