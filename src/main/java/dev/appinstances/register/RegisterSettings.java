package dev.appinstances.register;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code register.*} (env {@code REGISTER_*}). */
@ConfigMapping(prefix = "register")
public interface RegisterSettings {

    /** JSON seed of parties, users and delegations; empty = the bundled example seed. */
    Optional<String> seedFile();
}
