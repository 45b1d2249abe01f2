package dev.appinstances.http;

import dev.appinstances.common.InstanceRef;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The path parameters of {@link Paths#INSTANCE}, bound once for every resource method. */
public class InstancePath {

    @PathParam("instanceOwnerPartyId")
    @Parameter(
            description = "The instance owner's party id",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
    long partyId;

    @PathParam("instanceGuid")
    @Parameter(
            description = "The instance's guid",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    UUID instanceGuid;

    public InstanceRef ref() {
        return new InstanceRef(partyId, instanceGuid);
    }
}
