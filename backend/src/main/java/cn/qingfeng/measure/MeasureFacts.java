package cn.qingfeng.measure;

/**
 * What a measure's rules read: the measure, and the state of the record it belongs to (measures
 * change only while that record takes them, e.g. a rectification item before 申请销号).
 *
 * @param ownerState      the owner's state code, e.g. {@code APPLIED}
 * @param ownerStateLabel the owner's state in words, e.g. 申请销号
 * @param ownerOpen       whether the owner's measures may change now
 */
public record MeasureFacts(MeasureEntity measure, String ownerState, String ownerStateLabel, boolean ownerOpen) {

    public MeasureStatus status() {
        return measure.status;
    }
}
