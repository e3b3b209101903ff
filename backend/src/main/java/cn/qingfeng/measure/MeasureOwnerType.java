package cn.qingfeng.measure;

/** The ledgers whose records plan measures. */
public enum MeasureOwnerType { RECTIFICATION, RISK }
