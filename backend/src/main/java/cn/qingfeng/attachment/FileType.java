package cn.qingfeng.attachment;

import java.util.List;

/** File types evidence may have; which of them are accepted is configuration. */
public enum FileType {
    PDF("pdf", "application/pdf", List.of("pdf")),
    OFD("ofd", "application/ofd", List.of("ofd")),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
    DOC("doc", "application/msword", List.of("doc")),
    XLS("xls", "application/vnd.ms-excel", List.of("xls")),
    JPG("jpg", "image/jpeg", List.of("jpg", "jpeg")),
    PNG("png", "image/png", List.of("png")),
    ZIP("zip", "application/zip", List.of("zip"));

    private final String key;
    private final String mediaType;
    private final List<String> extensions;

    FileType(String key, String mediaType, List<String> extensions) {
        this.key = key;
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    /** The name used in configuration ({@code qingfeng.attachments.allowed-types}). */
    public String key() {
        return key;
    }

    public String mediaType() {
        return mediaType;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** Zip containers are looked into before they are kept (entries, inflated size, DTDs). */
    public boolean zipContainer() {
        return this == OFD || this == DOCX || this == XLSX || this == ZIP;
    }
}
