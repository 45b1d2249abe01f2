package dev.appinstances.formdata;

/** A JSON body that is not JSON; the message says where. */
public class MalformedFormJsonException extends RuntimeException {

    public MalformedFormJsonException(String problem) {
        super(problem, null, false, false);
    }
}
