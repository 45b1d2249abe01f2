package dev.appinstances.instantiation;

/** JSON examples shown in the OpenAPI document. */
final class Examples {

    static final String BY_PARTY_ID =
            """
            {
              "instanceOwner": { "partyId": "50001337" },
              "dueBefore": "2026-12-31T23:59:59Z",
              "dataValues": { "caseNumber": "2026/1234" }
            }
            """;

    static final String BY_PERSON_NUMBER =
            """
            {
              "instanceOwner": { "personNumber": "12247918309" },
              "status": { "readStatus": "Unread", "substatus": { "label": "received" } }
            }
            """;

    private Examples() {}
}
