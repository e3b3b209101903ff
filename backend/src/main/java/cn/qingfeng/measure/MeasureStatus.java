package cn.qingfeng.measure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 未完成 / 已完成 / 免于执行 (with a reason; rectification measures only). */
@Schema(name = "MeasureStatus")
public enum MeasureStatus { OPEN, DONE, WAIVED }
