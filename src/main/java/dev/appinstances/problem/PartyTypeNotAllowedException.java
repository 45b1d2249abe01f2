package dev.appinstances.problem;

public class PartyTypeNotAllowedException extends ProblemException {

    public PartyTypeNotAllowedException(String detail) {
        super(ProblemType.PARTY_TYPE_NOT_ALLOWED, detail);
    }
}
