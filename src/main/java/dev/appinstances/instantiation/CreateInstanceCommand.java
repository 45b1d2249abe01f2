package dev.appinstances.instantiation;

import dev.appinstances.instance.ReadStatus;
import dev.appinstances.instance.Substatus;
import java.time.Instant;
import java.util.Map;

/** A validated request to create an instance. Null fields were not given. */
public record CreateInstanceCommand(
        OwnerLookup owner,
        Instant dueBefore,
        Instant visibleAfter,
        ReadStatus readStatus,
        Substatus substatus,
        Map<String, String> dataValues) {}
