package dev.weft.cli;

import dev.weft.cli.archive.ArchiveCommand;
import dev.weft.cli.control.ControlCommand;
import dev.weft.cli.login.LoginCommand;
import dev.weft.cli.run.RunCommand;
import dev.weft.cli.run.RunFlags;
import dev.weft.cloud.CloudServe;
import java.util.List;

/**
 * Dispatches {@code weft <command>}. Exit codes: k6's (see {@link dev.weft.lifecycle.ExitCode})
 * for runs; 255 for a bad command or flag, as k6's CLI.
 */
public final class Cli {
    public static final int USAGE_ERROR = 255;
    public static final String VERSION = "0.1.0";

    private final GlobalEnv global;

    public Cli(GlobalEnv global) {
        this.global = global;
    }

    public int run(List<String> args) throws InterruptedException {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            global.stdout().print(Usage.TEXT);
            return 0;
        }
        if ((args.get(0).equals("-v") || args.get(0).equals("--verbose")) && args.size() > 1) {
            // k6's global --verbose may come before the command: "k6 -v run script.js"
            List<String> moved = new java.util.ArrayList<>(args.subList(1, args.size()));
            moved.add(1, "--verbose");
            return run(moved);
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "run" -> new RunCommand(global).run(RunFlags.parse(rest));
                case "new" -> new NewCommand(global).run(rest);
                case "inspect" -> new InspectCommand(global).run(rest);
                case "archive" -> new ArchiveCommand(global).run(rest);
                case "status", "pause", "resume", "scale" -> new ControlCommand(global).run(args.get(0), rest);
                case "quickstart" -> new Quickstart(global).run(rest);
                case "login" -> new LoginCommand(global).run(rest);
                case "cloud" -> cloud(rest);
                case "target" -> new TargetCommand(global).run(rest);
                case "version", "--version" -> {
                    global.stdout().println("weft v" + VERSION + " (k6 script compatible; java "
                            + Runtime.version() + ")");
                    yield 0;
                }
                default -> throw new UsageException("unknown command \"" + args.get(0) + "\" (see weft help)");
            };
        } catch (UsageException e) {
            global.stderr().println("error: " + e.getMessage());
            return USAGE_ERROR;
        }
    }

    private int cloud(List<String> args) throws UsageException {
        if (args.isEmpty() || !args.get(0).equals("serve")) {
            throw new UsageException("unknown cloud command: use \"weft cloud serve [flags]\"");
        }
        return CloudServe.run(args.subList(1, args.size()).toArray(String[]::new), global.stdout(), global.stderr());
    }
}
