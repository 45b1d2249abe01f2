package dev.appinstances.problem;

/** Every problem type the API answers with: the stable {@code type}, its status and title. */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON body"),
    MALFORMED_MULTIPART(400, "malformed-multipart", "Malformed multipart body"),
    MALFORMED_BODY(400, "malformed-body", "The request body could not be read"),
    MALFORMED_REQUEST_TARGET(400, "malformed-request-target", "Malformed request target"),
    UNKNOWN_DATA_TYPE(400, "unknown-data-type", "Unknown data type"),
    EMPTY_DATA_ELEMENT(400, "empty-data-element", "Empty data element"),
    TOO_MANY_DATA_ELEMENTS(400, "too-many-data-elements", "Too many data elements"),
    INVALID_QUERY_PARAMETER(400, "invalid-query-parameter", "Invalid query parameter"),
    INVALID_CONTINUATION_TOKEN(400, "invalid-continuation-token", "Invalid continuation token"),
    INVALID_TAG(400, "invalid-tag", "Invalid tag name"),
    TOO_MANY_TAGS(400, "too-many-tags", "Too many tags"),
    DUPLICATE_METADATA_KEYS(400, "duplicate-metadata-keys", "Duplicate metadata keys"),
    METADATA_KEY_NOT_ALLOWED(400, "metadata-key-not-allowed", "Metadata key not allowed"),
    INVALID_USER_DEFINED_METADATA(
            400, "invalid-user-defined-metadata", "Invalid user-defined metadata"),
    FORM_DATA_INVALID(400, "form-data-invalid", "Form data does not fit the data model"),
    NOT_FORM_DATA(400, "not-form-data", "The data element is not form data"),
    ENDPOINT_NOT_ALLOWED(400, "endpoint-not-allowed", "Endpoint not allowed"),
    UNAUTHENTICATED(401, "unauthenticated", "Unauthorized"),
    ACCESS_DENIED(403, "access-denied", "Forbidden"),
    AUTHENTICATION_LEVEL_TOO_LOW(
            403, "authentication-level-too-low", "Authentication level too low"),
    PARTY_TYPE_NOT_ALLOWED(403, "party-type-not-allowed", "Party type not allowed"),
    APP_OWNER_ONLY(403, "app-owner-only", "Only the app owner may do this"),
    SCOPE_REQUIRED(403, "scope-required", "The token lacks a required scope"),
    DELETION_PREVENTED(403, "deletion-prevented", "Instance cannot be deleted yet"),
    ACTION_NOT_ALLOWED(403, "action-not-allowed", "The caller may not perform this action"),
    USER_INSTANTIATION_DISALLOWED(
            403, "user-instantiation-disallowed", "User instantiation is disabled"),
    NOT_FOUND(404, "not-found", "Not found"),
    APP_NOT_FOUND(404, "app-not-found", "App not found"),
    PARTY_NOT_FOUND(404, "party-not-found", "Cannot lookup party"),
    INSTANCE_NOT_FOUND(404, "instance-not-found", "Instance not found"),
    DATA_ELEMENT_NOT_FOUND(404, "data-element-not-found", "Data element not found"),
    INSTANCE_EVENT_NOT_FOUND(404, "instance-event-not-found", "Instance event not found"),
    SUBSCRIPTION_NOT_FOUND(404, "subscription-not-found", "Event subscription not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    INSTANCE_NOT_WRITABLE(
            409, "instance-not-writable", "Instance or data element cannot be changed"),
    MAX_COUNT_EXCEEDED(409, "max-count-exceeded", "Max count exceeded"),
    PROCESS_CONFLICT(409, "process-conflict", "The process cannot move"),
    CONCURRENT_MODIFICATION(
            409, "concurrent-modification", "Changed concurrently by another request"),
    PATCH_TEST_FAILED(409, "patch-test-failed", "Precondition in patch failed"),
    FORM_DATA_UNREADABLE(
            409, "form-data-unreadable", "The stored form data cannot be read as its model"),
    PATCH_OPERATION_FAILED(422, "patch-operation-failed", "Patch Operation Failed"),
    PATCH_RESULT_INVALID(422, "patch-result-invalid", "Patch operation did not deserialize"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request header fields too large"),
    DATA_ELEMENT_TOO_LARGE(413, "data-element-too-large", "Data element too large"),
    RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "Range not satisfiable"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    CONTENT_TYPE_NOT_ALLOWED(415, "content-type-not-allowed", "Content type not allowed"),
    IDEMPOTENCY_KEY_IN_USE(409, "idempotency-key-in-use", "A request with this key is in flight"),
    IDEMPOTENCY_KEY_REUSED(
            422, "idempotency-key-reused", "The key was used for a different request"),
    INTERNAL_ERROR(500, "internal-error", "Internal server error"),
    DATABASE_UNAVAILABLE(503, "database-unavailable", "Service temporarily unavailable");

    /** Problem type URIs are {@code urn:app-instances:problem:<slug>}; they never change. */
    public static final String URI_PREFIX = "urn:app-instances:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return URI_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    /** The generic type for a status raised by the framework rather than by our own rules. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> ACCESS_DENIED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 412 -> PRECONDITION_FAILED;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> DATABASE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }
}
