package dev.appinstances.problem;

public class NotFormDataException extends ProblemException {

    public NotFormDataException(String detail) {
        super(ProblemType.NOT_FORM_DATA, detail);
    }
}
