package cn.qingfeng.rectification;

import cn.qingfeng.rectification.RectificationEnums.Status;

/**
 * What the close-off rules read of an item: its measures and the evidence on file (on the item
 * and on its measures).
 */
public record RectificationFacts(RectificationItemEntity item, int measures, int openMeasures, long evidenceFiles) {

    public Status status() {
        return item.status;
    }
}
