package dev.weft.http;

/** k6's {@code responseType} param: keep the body as text, as bytes, or discard it unread into memory. */
public enum ResponseType {
    TEXT, BINARY, NONE
}
