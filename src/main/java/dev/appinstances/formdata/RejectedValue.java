package dev.appinstances.formdata;

/** A prefill value does not fit its field; the message says why. */
final class RejectedValue extends Exception {

    RejectedValue(String problem) {
        super(problem, null, false, false);
    }
}
