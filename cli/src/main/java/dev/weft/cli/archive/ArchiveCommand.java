package dev.weft.cli.archive;

import dev.weft.cli.Cli;
import dev.weft.cli.GlobalEnv;
import dev.weft.cli.UsageException;
import dev.weft.cli.run.ConsoleLog;
import dev.weft.cli.run.LoadedTest;
import dev.weft.cli.run.RunFlags;
import dev.weft.js.ScriptException;
import dev.weft.js.module.BuiltinModules;
import dev.weft.lifecycle.ExitCode;
import dev.weft.metrics.MetricRegistry;
import dev.weft.options.OptionsException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code weft archive [-O archive.tar] [run flags] script.js}: runs the init code once, then
 * writes a k6 archive with the script, the local and remote modules it imported, the files it
 * opens with literal paths, its consolidated options and its -e variables. Main thread only.
 */
public final class ArchiveCommand {
    private final GlobalEnv global;

    public ArchiveCommand(GlobalEnv global) {
        this.global = global;
    }

    public int run(List<String> args) throws UsageException {
        List<String> rest = new ArrayList<>();
        String out = "archive.tar";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-O") || a.equals("--archive-out")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("flag needs an argument: " + a);
                }
                out = args.get(++i);
            } else if (a.startsWith("--archive-out=")) {
                out = a.substring("--archive-out=".length());
            } else {
                rest.add(a);
            }
        }
        RunFlags flags = RunFlags.parse(rest);
        try (ConsoleLog console = new ConsoleLog(global.stderr(), false);
                LoadedTest test = LoadedTest.load(flags, global, console, BuiltinModules.create(),
                        MetricRegistry.withBuiltins(), Clock.systemUTC())) {
            Path script = test.program().scriptPath();
            byte[] scriptBytes = Files.readAllBytes(script);
            Map<Path, byte[]> local = new LinkedHashMap<>(test.program().localFilesRead());
            List<byte[]> sources = new ArrayList<>(local.values());
            sources.add(scriptBytes);
            local.putAll(OpenedFiles.find(sources, script.getParent()));
            local.remove(script);
            Archive archive = Archive.build(script, scriptBytes, local, test.program().remoteModulesLoaded(),
                    test.options().raw(), test.userEnv(), test.mode().k6Name(), Cli.VERSION);
            try (OutputStream o = Files.newOutputStream(global.cwd().resolve(out))) {
                archive.write(o);
            }
            return 0;
        } catch (ScriptException e) {
            global.stderr().println("ERRO[0000] " + e.getMessage());
            return ExitCode.SCRIPT_EXCEPTION.code();
        } catch (OptionsException e) {
            global.stderr().println("ERRO[0000] invalid options: " + e.getMessage());
            return ExitCode.INVALID_CONFIG.code();
        } catch (IOException e) {
            global.stderr().println("ERRO[0000] can't write the archive " + out + ": " + e.getMessage());
            return Cli.USAGE_ERROR;
        }
    }
}
