package cn.qingfeng.attachment;

import cn.qingfeng.common.scope.DataScope;
import java.util.Optional;
import java.util.UUID;

/**
 * A kind of record that can carry attachments (a unit, later a task assignment, a rectification
 * item, a risk review). Access to the files follows the owning record: its unit and its rules.
 */
public interface AttachmentOwner {

    /** The owner type as clients name it, e.g. {@code UNIT}. */
    String type();

    /** The unit the record belongs to, if the record exists within the scope; empty answers 404. */
    Optional<UUID> unitOf(UUID ownerId, DataScope scope);

    /** Refuses (403 or 409) when the caller may not add or remove files on this record now. */
    void checkCanModify(UUID ownerId);
}
