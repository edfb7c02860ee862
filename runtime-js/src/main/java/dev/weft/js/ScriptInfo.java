package dev.weft.js;

import dev.weft.js.module.TestServices;
import java.util.Set;

/**
 * What one throwaway run of the init code tells about a script before the test starts: its
 * options and which lifecycle functions it exports (k6 runs init once for this too).
 *
 * @param optionsJson the exported {@code options} as JSON text, or null
 * @param functions   names of the exported functions
 */
public record ScriptInfo(String optionsJson, Set<String> functions) {
    /** Runs the init code once in a fresh context on the calling thread. */
    public static ScriptInfo read(JsProgram program, TestServices services) throws ScriptException {
        JsVu vu = new JsVuFactory(program, services).createOrThrow(0);
        try {
            Set<String> fns = new java.util.TreeSet<>();
            for (String name : vu.exportedNames()) {
                if (vu.exportsFunction(name)) {
                    fns.add(name);
                }
            }
            return new ScriptInfo(vu.optionsJson(), fns);
        } finally {
            vu.close();
        }
    }

    public boolean exports(String function) {
        return functions.contains(function);
    }
}
