package dev.appinstances.formdata;

/** The kinds of schema node prefill distinguishes. */
enum FieldType {
    OBJECT,
    ARRAY,
    STRING,
    DATE,
    DATE_TIME,
    INTEGER,
    NUMBER,
    BOOLEAN
}
