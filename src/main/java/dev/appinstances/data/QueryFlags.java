package dev.appinstances.data;

import dev.appinstances.problem.InvalidQueryParameterException;

/** Boolean query parameters as ASP.NET binds them: true or false in any case, absent is false. */
final class QueryFlags {

    private QueryFlags() {}

    static boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidQueryParameterException(
                name, "Query parameter " + name + " must be true or false");
    }
}
