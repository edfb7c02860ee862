package dev.weft.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdExpressionTest {

    @ParameterizedTest(name = "{0} parses as {1} {2} {3} {4}")
    @CsvSource(delimiter = '|', value = {
        "p(95)<200            | p     | p(95)   | LESS          | 200",
        "p(99.9) <= 250.5     | p     | p(99.9) | LESS_EQUAL    | 250.5",
        "avg>100              | avg   | avg     | GREATER       | 100",
        "min >= 0.5           | min   | min     | GREATER_EQUAL | 0.5",
        "max==3               | max   | max     | EQUAL         | 3",
        "med===3              | med   | med     | STRICT_EQUAL  | 3",
        "count!=0             | count | count   | NOT_EQUAL     | 0",
        "rate<0.01            | rate  | rate    | LESS          | 0.01",
        "value<10             | value | value   | LESS          | 10",
        "  p(90)  <  1e3      | p     | p(90)   | LESS          | 1000",
        "p(0)<1               | p     | p(0)    | LESS          | 1",
        "p(100)<=.5           | p     | p(100)  | LESS_EQUAL    | 0.5",
        "rate>=-1             | rate  | rate    | GREATER_EQUAL | -1",
    })
    void validExpressionsParse(String source, String aggregation, String stat, Operator op, double value) {
        ThresholdExpression e = ThresholdExpression.parse(source);
        assertThat(e.aggregation()).isEqualTo(aggregation);
        assertThat(e.statName()).isEqualTo(stat);
        assertThat(e.operator()).isEqualTo(op);
        assertThat(e.value()).isEqualTo(value);
        assertThat(e.source()).isEqualTo(source);
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
        "p(95)               | malformed",
        "p(95)<              | malformed",
        "avg 200             | malformed",
        "average<200         | unknown aggregation",
        "p95<200             | unknown aggregation",
        "p(abc)<200          | malformed percentile",
        "p(101)<200          | between 0 and 100",
        "p(-1)<200           | between 0 and 100",
        "avg<abc             | not a number",
        "avg<200ms           | not a number",
        "avg<<200            | not a number",
        "''                  | malformed",
    })
    void invalidExpressionsAreRejectedWithTheReason(String source, String reason) {
        assertThatThrownBy(() -> ThresholdExpression.parse(source))
                .isInstanceOf(ThresholdException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("\"" + source + "\"");
    }
}
