package dev.weft.js.module.fs;

import com.google.gson.Gson;
import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/experimental/csv} module: {@code parse(file, options)} (all records at once, as a
 * SharedArray) and {@code new Parser(file, options)} ({@code next()} record by record) over a
 * {@code k6/experimental/fs} File. Java splits the text into records; the JS half (csv.js)
 * applies the options. One instance per test, stateless; calls run on the VU's thread.
 */
public final class CsvModule implements JsModule {
    private final Gson gson = new Gson();

    @Override
    public String name() {
        return "k6/experimental/csv";
    }

    @Override
    public List<String> exportNames() {
        return List.of("parse", "Parser");
    }

    @Override
    public Object instance(VuScope vu) {
        HostObject host = new HostObject().fn("records", args -> {
            byte[] data = new byte[Math.toIntExact(args[0].getBufferSize())];
            args[0].readBuffer(0, data, 0, data.length);
            return gson.toJson(CsvRecords.parse(new String(data, StandardCharsets.UTF_8), delimiter(args[1])));
        });
        return vu.scripts().instantiate(vu, "csv.js", host.build());
    }

    private static char delimiter(Value v) {
        String s = v.asString();
        return s.isEmpty() ? ',' : s.charAt(0);
    }
}
