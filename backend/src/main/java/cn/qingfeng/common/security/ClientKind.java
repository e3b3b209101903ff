package cn.qingfeng.common.security;

/** Which kind of client made a change; recorded in every journal event. */
public enum ClientKind {
    /** The Qingfeng SPA (a person in a browser). */
    UI,
    /** The city OA system's service account. */
    OA,
    /** A bulk import script. */
    IMPORT,
    /** Any other API client (e.g. curl with a developer token). */
    API,
    /** The server itself (scheduled work, demo data). */
    SYSTEM
}
