package dev.appinstances.formdata;

/** The XML document is not well-formed, or uses a construct refused for safety (a DOCTYPE). */
public class InvalidXmlException extends RuntimeException {

    public InvalidXmlException(String problem, Throwable cause) {
        super(problem, cause);
    }

    public InvalidXmlException(String problem) {
        super(problem);
    }
}
