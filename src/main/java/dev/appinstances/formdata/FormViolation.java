package dev.appinstances.formdata;

/**
 * One way form data does not fit its model: where (a JSON Pointer with the model's names, e.g.
 * {@code /neighbours/1/name}; the XML of the same place has the same names) and what is wrong.
 */
public record FormViolation(String path, String problem) {}
