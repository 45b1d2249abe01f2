package dev.appinstances.query;

import dev.appinstances.auth.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(QueryLinks.PATH)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instance query", description = "Storage-style listing of the app's instances")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
public class InstanceQueryResource {

    private static final int TEXT = InstanceQueryParser.MAX_TEXT_LENGTH;

    private static final String DATES =
            "Each value is an operator and a date-time with a zone: gt:, gte:, lt:, lte: or eq:"
                    + " followed by ISO-8601 (e.g. gt:2026-01-01T00:00:00Z; a + in an offset must"
                    + " be sent as %2B). Repeat the parameter (at most 10 times) for a range: all"
                    + " must hold. Times are compared to the microsecond.";

    private final InstanceQueryService service;
    private final CurrentCaller caller;

    public InstanceQueryResource(InstanceQueryService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "queryInstances",
            summary = "Query instances",
            description =
                    "The app's instances that match every filter given, newest change first (or"
                            + " oldest with order=asc:lastChanged), one page at a time: next is the"
                            + " same query with a continuationToken. Keyset paging: deep pages cost"
                            + " the same as the first, and a page never repeats or skips an"
                            + " instance of an earlier page. The app owner needs scope"
                            + " altinn:serviceowner/instances.read, must name appId or org (400"
                            + " \"Org or AppId must be defined.\" otherwise, as Storage) and sees"
                            + " every instance; anyone else must give instanceOwner.partyId (a"
                            + " party they may act for) and never sees hard-deleted instances."
                            + " Parameter names match ignoring case (APPID= is appId=). An unknown"
                            + " parameter, a malformed value or a repeated single-valued parameter"
                            + " (also in two cases) is 400 invalid-query-parameter naming it.")
    @Parameter(
            name = "appId",
            in = ParameterIn.QUERY,
            description =
                    "{org}/{app}. This service serves one app: another app id matches nothing."
                            + " The app owner must give appId or org.",
            schema = @Schema(type = SchemaType.STRING, maxLength = TEXT),
            example = "ttd/example-app")
    @Parameter(
            name = "org",
            in = ParameterIn.QUERY,
            description =
                    "The app owner's org: another org matches nothing. The app owner must give"
                            + " appId or org.",
            schema = @Schema(type = SchemaType.STRING, maxLength = TEXT),
            example = "ttd")
    @Parameter(
            name = "instanceOwner.partyId",
            in = ParameterIn.QUERY,
            description =
                    "The instance owner's party id; required unless the caller is the app owner",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"),
            example = "50001337")
    @Parameter(
            name = "process.currentTask",
            in = ParameterIn.QUERY,
            description = "The id of the task the process is in",
            schema = @Schema(type = SchemaType.STRING, maxLength = TEXT),
            example = "Task_1")
    @Parameter(
            name = "process.isComplete",
            in = ParameterIn.QUERY,
            description = "true: the process has ended; false: it is in a task",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(
            name = "process.ended",
            in = ParameterIn.QUERY,
            description = "When the process ended. " + DATES,
            explode = Explode.TRUE,
            schema =
                    @Schema(
                            type = SchemaType.ARRAY,
                            implementation = DateExpression.class,
                            maxItems = InstanceQueryParser.MAX_DATE_EXPRESSIONS))
    @Parameter(
            name = "lastChanged",
            in = ParameterIn.QUERY,
            description = "When the instance last changed. " + DATES,
            explode = Explode.TRUE,
            schema =
                    @Schema(
                            type = SchemaType.ARRAY,
                            implementation = DateExpression.class,
                            maxItems = InstanceQueryParser.MAX_DATE_EXPRESSIONS))
    @Parameter(
            name = "created",
            in = ParameterIn.QUERY,
            description = "When the instance was created. " + DATES,
            explode = Explode.TRUE,
            schema =
                    @Schema(
                            type = SchemaType.ARRAY,
                            implementation = DateExpression.class,
                            maxItems = InstanceQueryParser.MAX_DATE_EXPRESSIONS))
    @Parameter(
            name = "dueBefore",
            in = ParameterIn.QUERY,
            description = "The instance's dueBefore. " + DATES,
            explode = Explode.TRUE,
            schema =
                    @Schema(
                            type = SchemaType.ARRAY,
                            implementation = DateExpression.class,
                            maxItems = InstanceQueryParser.MAX_DATE_EXPRESSIONS))
    @Parameter(
            name = "visibleAfter",
            in = ParameterIn.QUERY,
            description = "The instance's visibleAfter. " + DATES,
            explode = Explode.TRUE,
            schema =
                    @Schema(
                            type = SchemaType.ARRAY,
                            implementation = DateExpression.class,
                            maxItems = InstanceQueryParser.MAX_DATE_EXPRESSIONS))
    @Parameter(
            name = "status.isArchived",
            in = ParameterIn.QUERY,
            description = "true: only archived instances; false: only those not archived",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(
            name = "status.isSoftDeleted",
            in = ParameterIn.QUERY,
            description = "true: only soft-deleted instances; false: only those not soft-deleted",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(
            name = "status.isHardDeleted",
            in = ParameterIn.QUERY,
            description =
                    "true: only hard-deleted instances (only the app owner sees any); false: only"
                            + " those not hard-deleted",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(
            name = "excludeConfirmedBy",
            in = ParameterIn.QUERY,
            description =
                    "A stakeholder (an org code): leaves out the instances it has confirmed"
                            + " complete",
            schema = @Schema(type = SchemaType.STRING, maxLength = TEXT),
            example = "ttd")
    @Parameter(
            name = "confirmed",
            in = ParameterIn.QUERY,
            description =
                    "true: only instances the app owner has confirmed complete; false: only those"
                            + " it has not",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(
            name = "searchString",
            in = ParameterIn.QUERY,
            description =
                    "Text contained in one of the instance's presentation texts (any case; % and _"
                            + " are literal)",
            schema = @Schema(type = SchemaType.STRING, maxLength = TEXT))
    @Parameter(
            name = "order",
            in = ParameterIn.QUERY,
            description = "The order of the listing (always on lastChanged, then id)",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"desc:lastChanged", "asc:lastChanged"},
                            defaultValue = "desc:lastChanged"))
    @Parameter(
            name = "size",
            in = ParameterIn.QUERY,
            description =
                    "The page size: 1 to query.max-size (1000 unless configured); without it"
                            + " query.default-size (100 unless configured)",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
            example = "100")
    @Parameter(
            name = "continuationToken",
            in = ParameterIn.QUERY,
            description =
                    "The page after the previous one: an opaque, signed token taken from next. It"
                            + " is bound to the filters and order it was issued for; with other"
                            + " ones, or altered, it is 400 invalid-continuation-token.",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(
            responseCode = "200",
            description = "One page; next is null on the last page",
            content = @Content(schema = @Schema(implementation = QueryPage.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    public Uni<QueryPage> query(@Context UriInfo uri) {
        return service.query(
                caller.get(), uri.getQueryParameters(), uri.getRequestUri().getRawQuery());
    }
}
