package dev.weft.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagsTest {
    @Test
    void tagSetsWithTheSamePairsAreEqualWhateverOrderTheyWereGivenIn() {
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        Tags one = new Tags(ba);
        Tags two = Tags.of("a", "1", "b", "2");

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one.map().keySet()).containsExactly("a", "b");
        assertThat(one).isNotEqualTo(Tags.of("a", "1", "b", "3")).isNotEqualTo(Tags.of("a", "1"));
    }

    @Test
    void theMapViewEqualsAndHashesLikeAnyMapAndCannotBeChanged() {
        Tags tags = Tags.of("method", "GET", "status", "200");
        Map<String, String> plain = new HashMap<>(Map.of("method", "GET", "status", "200"));

        assertThat(tags.map()).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(tags.map().get("status")).isEqualTo("200");
        assertThat(tags.map().containsKey("url")).isFalse();
        assertThatThrownBy(() -> tags.map().put("url", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void getFindsTagsByEqualNamesNotOnlyByTheSameInstance() {
        Tags tags = Tags.of("expected_response", "true");

        assertThat(tags.get(new String("expected_response"))).isEqualTo("true");
        assertThat(tags.get("name")).isNull();
    }

    @Test
    void withAndMergeMakeNewSetsAndLeaveTheOriginalAsItWas() {
        Tags base = Tags.of("scenario", "default");

        assertThat(base.with("group", "")).isEqualTo(Tags.of("group", "", "scenario", "default"));
        assertThat(base.merge(Tags.of("scenario", "other", "a", "1"))).isEqualTo(Tags.of("a", "1", "scenario", "other"));
        assertThat(base.merge(Tags.EMPTY)).isSameAs(base);
        assertThat(base).isEqualTo(Tags.of("scenario", "default"));
    }

    @Test
    void containsAllIsTrueOnlyWhenEveryPairIsPresentWithTheSameValue() {
        Tags sample = Tags.of("expected_response", "true", "method", "GET", "status", "200");

        assertThat(sample.containsAll(Tags.of("expected_response", "true"))).isTrue();
        assertThat(sample.containsAll(Tags.of("method", "GET", "status", "200"))).isTrue();
        assertThat(sample.containsAll(Tags.of("status", "404"))).isFalse();
        assertThat(sample.containsAll(Tags.of("url", "x"))).isFalse();
        assertThat(sample.containsAll(Tags.EMPTY)).isTrue();
    }
}
