package dev.weft.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** GraalJS's log records from VU contexts print as its own default handler prints them. */
class EngineLogTest {
    @Test
    void aRecordIsOneLineNamingItsLoggerAndLevel() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EngineLog log = new EngineLog(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        LogRecord record = new LogRecord(Level.WARNING, "option {0} is deprecated");
        record.setLoggerName("js.parser");
        record.setParameters(new Object[] {"js.foo"});
        log.publish(record);
        LogRecord plain = new LogRecord(Level.INFO, "started");
        plain.setLoggerName("engine");
        log.publish(plain);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("[js::parser] WARNING: option js.foo is deprecated"
                + System.lineSeparator() + "[engine] INFO: started" + System.lineSeparator());
    }
}
