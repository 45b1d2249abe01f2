package dev.appinstances.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/ttd/example-app/instances",
                "/ttd/example-app/instances?instanceOwnerPartyId=1&x=%C3%A6",
                "/ttd/example-app/instances/1/0b0c6e8c-6c43-4a2e-9a8e-5b8f0c1f2d3e/data?dataType=a%20b",
                "*"
            })
    void acceptsUris(String target) {
        assertThat(RequestTargets.defect(target)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/a/%ZZ", "/a/b%", "/a/%4", "/{x}", "/a b", "/a?x=%zz", "/a|b", "/a\"b"})
    void refusesTargetsThatAreNotUrisSayingWhereAndWhatToDo(String target) {
        assertThat(RequestTargets.defect(target))
                .hasValueSatisfying(
                        detail ->
                                assertThat(detail)
                                        .startsWith(
                                                "The request target is not a valid URI (RFC 3986): ")
                                        .contains(" at index ")
                                        .endsWith(
                                                "percent-encode reserved and non-ASCII characters")
                                        .doesNotContainIgnoringCase("exception"));
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void refusesAnEmptyTarget(String target) {
        assertThat(RequestTargets.defect(target)).hasValue("The request target is empty");
    }
}
