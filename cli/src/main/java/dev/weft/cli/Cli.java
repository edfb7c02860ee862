package dev.weft.cli;

import dev.weft.cli.run.RunFlags;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code weft <command>} through the {@link CommandTree}. Exit codes: k6's (see
 * {@link dev.weft.lifecycle.ExitCode}) for runs; 255 for a bad command or flag, as k6's CLI,
 * reported as one log line on stderr ({@code ERRO[0000] unknown flag: --vu (did you mean --vus?)}).
 */
public final class Cli {
    public static final int USAGE_ERROR = 255;
    public static final String VERSION = "0.1.0";

    private final GlobalEnv global;

    public Cli(GlobalEnv global) {
        this.global = global;
    }

    public int run(List<String> args) throws InterruptedException {
        if (args.size() > 1 && (args.get(0).equals("-v") || args.get(0).equals("--verbose"))) {
            // k6's global --verbose may come before the command: "k6 -v run script.js"
            List<String> moved = new java.util.ArrayList<>(args.subList(1, args.size()));
            moved.add(1, "--verbose");
            return run(moved);
        }
        List<String> argv = RunFlags.withOptionalValuesInline(args);
        CommandLine tree = CommandTree.build(global, argv);
        tree.setOut(new PrintWriter(global.stdout(), true));
        tree.setErr(new PrintWriter(global.stderr(), true));
        tree.getCommandSpec().versionProvider(() -> new String[] {Version.text()});
        tree.setParameterExceptionHandler((e, a) -> usageError(e instanceof CommandLine.UnmatchedArgumentException u
                ? unmatched(u) : RunFlags.oneLine(e)));
        tree.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UsageException u) {
                return usageError(u.getMessage());
            }
            throw e;
        });
        try {
            return tree.execute(argv.toArray(String[]::new));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof InterruptedException ie) {
                throw ie;
            }
            throw e;
        }
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException e) {
        CommandLine cmd = e.getCommandLine();
        if (cmd.getCommandSpec().parent() == null && !e.getUnmatched().isEmpty()
                && !e.getUnmatched().get(0).startsWith("-")) {
            List<String> suggestions = e.getSuggestions();
            return "unknown command \"" + e.getUnmatched().get(0) + "\" for \"weft\""
                    + (suggestions.isEmpty() ? "" : " (did you mean " + suggestions.get(0) + "?)")
                    + "; see weft --help";
        }
        return RunFlags.unknown(e);
    }

    private int usageError(String message) {
        global.stderr().println("ERRO[0000] " + message);
        global.stderr().flush();
        return USAGE_ERROR;
    }
}
