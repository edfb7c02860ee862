package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class OneLineLogFormatTest {
    @Test
    void a_library_warning_with_its_exception_is_one_line_in_wefts_format() {
        LogRecord r = new LogRecord(Level.WARNING, "could not migrate {0}");
        r.setParameters(new Object[] {"schema"});
        r.setThrown(new IOException("disk full\nretry later"));
        assertThat(new OneLineLogFormat().format(r))
                .matches("WARN\\[\\d{4}\\] could not migrate schema: disk full retry later\\R");
    }

    @Test
    void severe_is_an_error_line() {
        assertThat(new OneLineLogFormat().format(new LogRecord(Level.SEVERE, "broken"))).startsWith("ERRO[");
    }
}
