package dev.appinstances.problem;

public class PartyNotFoundException extends ProblemException {

    public PartyNotFoundException(String detail) {
        super(ProblemType.PARTY_NOT_FOUND, detail);
    }
}
