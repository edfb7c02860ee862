package dev.weft.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.weft.options.TestOptions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each executor describes itself with the words genuine k6 v1.3.0 prints for the same scenario. */
class DescriptionTest {
    private final Scenarios scenarios = new Scenarios(Scenarios.builtinTypes());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            constant-vus | {"executor":"constant-vus","vus":2,"duration":"2s"} | 2 looping VUs for 2s (gracefulStop: 30s)
            per-vu-iterations | {"executor":"per-vu-iterations","vus":1,"iterations":3,"exec":"other"} | 3 iterations for each of 1 VUs (maxDuration: 10m0s, exec: other, gracefulStop: 30s)
            shared-iterations | {"executor":"shared-iterations","vus":3,"iterations":30,"gracefulStop":"0s"} | 30 iterations shared among 3 VUs (maxDuration: 10m0s)
            ramping-vus | {"executor":"ramping-vus","stages":[{"duration":"10s","target":10},{"duration":"20s","target":0}]} | Up to 10 looping VUs for 30s over 2 stages (gracefulRampDown: 30s, gracefulStop: 30s)
            constant-arrival-rate | {"executor":"constant-arrival-rate","rate":20,"duration":"30s","preAllocatedVUs":5,"maxVUs":10,"startTime":"5s"} | 20.00 iterations/s for 30s (maxVUs: 5-10, startTime: 5s, gracefulStop: 30s)
            ramping-arrival-rate | {"executor":"ramping-arrival-rate","startRate":5,"timeUnit":"1m","preAllocatedVUs":2,"stages":[{"target":60,"duration":"1m"}]} | Up to 1.00 iterations/s for 1m0s over 1 stages (maxVUs: 2, gracefulStop: 30s)
            externally-controlled | {"executor":"externally-controlled","vus":1,"maxVUs":4,"duration":"1m"} | Externally controlled execution with 1 VUs, 4 max VUs, 1m0s duration
            """)
    void describes_itself_as_k6_does(String name, String scenario, String expected) {
        List<Executor> executors = scenarios.fromOptions(TestOptions.of(JsonParser.parseString(
                "{\"scenarios\":{\"x\":" + scenario + "}}").getAsJsonObject()));
        assertThat(executors.get(0).description()).isEqualTo(expected);
    }
}
