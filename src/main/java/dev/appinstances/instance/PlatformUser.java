package dev.appinstances.instance;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who caused an instance event, as Altinn's PlatformUser: a user by {@code userId} (and the person
 * number of their own party when they have one), the app owner by its org code ({@code orgId}),
 * another organisation by its number ({@code orgNumber}, an extension: Altinn has no field for it).
 * {@code authenticationLevel} is always there.
 */
@RegisterForReflection
@Schema(name = "PlatformUser")
public record PlatformUser(
        Long userId,
        String orgId,
        int authenticationLevel,
        String nationalIdentityNumber,
        @Schema(description = "Extension: the organisation number of an organisation caller")
                String orgNumber) {

    /**
     * Who performed it as Altinn's process history shows it: the person number, else the
     * organisation number, else the org code; {@code ""} for none (a self-identified user).
     */
    public String performer() {
        for (String candidate : new String[] {nationalIdentityNumber, orgNumber, orgId}) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return "";
    }
}
