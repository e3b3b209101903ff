package cn.qingfeng.common.web;

/** A representation of a record with an optimistic-lock version; its responses carry an ETag. */
public interface Versioned {
    long version();
}
