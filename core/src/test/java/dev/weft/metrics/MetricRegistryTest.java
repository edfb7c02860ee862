package dev.weft.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricRegistryTest {
    private final MetricRegistry registry = MetricRegistry.withBuiltins();

    @Test
    void holdsK6sBuiltinMetrics() {
        assertThat(registry.get("http_req_duration")).contains(BuiltinMetrics.HTTP_REQ_DURATION);
        assertThat(registry.all()).containsAll(BuiltinMetrics.ALL);
    }

    @Test
    void redeclaringTheSameMetricReturnsIt() {
        Metric a = registry.register("my_trend", MetricType.TREND, ValueType.TIME);
        assertThat(registry.register("my_trend", MetricType.TREND, ValueType.TIME)).isSameAs(a);
    }

    @Test
    void redeclaringANameWithAnotherTypeIsAnError() {
        registry.register("my_metric", MetricType.COUNTER, ValueType.DEFAULT);
        assertThatThrownBy(() -> registry.register("my_metric", MetricType.GAUGE, ValueType.DEFAULT))
                .hasMessageContaining("metric 'my_metric' already exists but with type counter, instead of gauge");
        assertThatThrownBy(() -> registry.register("http_reqs", MetricType.TREND, ValueType.DEFAULT))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> registry.register("my_metric", MetricType.COUNTER, ValueType.DATA))
                .hasMessageContaining("value type default, instead of data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "my metric", "Größe", "a.b-c_d", "x(1)<2>!?/&#%"})
    void acceptsK6sNameCharacters(String name) {
        assertThat(registry.register(name, MetricType.COUNTER, ValueType.DEFAULT).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a{b}", "a:b", "tab\there", "comma,no", "quote\"no"})
    void rejectsOtherNames(String name) {
        assertThatThrownBy(() -> registry.register(name, MetricType.COUNTER, ValueType.DEFAULT))
                .hasMessageContaining("Invalid metric name");
    }

    @Test
    void rejectsNamesLongerThan128Characters() {
        assertThatThrownBy(() -> registry.register("x".repeat(129), MetricType.COUNTER, ValueType.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.register("x".repeat(128), MetricType.COUNTER, ValueType.DEFAULT)).isNotNull();
    }
}
