package dev.weft.cli;

import dev.weft.cli.archive.ArchiveCommand;
import dev.weft.cli.control.ControlCommand;
import dev.weft.cli.login.LoginCommand;
import dev.weft.cli.run.RunCommand;
import dev.weft.cli.run.RunFlags;
import dev.weft.cloud.CloudServe;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Weft's command grammar for picocli: every command and subcommand with its flags, help text
 * and examples, so {@code --help}, {@code weft help CMD}, shell completion and "did you mean"
 * suggestions come from one place. {@code run} fills {@link RunFlags} directly; the other
 * commands hand their (validated) arguments to the command classes that implement them.
 * Built per invocation by {@link Cli} on the main thread.
 */
final class CommandTree {
    private CommandTree() {
    }

    /** Top-level commands with no subcommands of their own, each built only when named first. */
    private static final java.util.Set<String> SINGLE = java.util.Set.of("run", "new", "inspect", "archive",
            "quickstart", "target", "version");

    /** The whole tree: every command, as help, completion and suggestions need it. */
    static CommandLine build(GlobalEnv global) {
        return build(global, List.of());
    }

    /**
     * The tree for {@code args}: when the first argument names a command without subcommands
     * ({@code run}, {@code version}...), the root with only that command, since building a
     * command reads its annotations by reflection (building all of them took ~100 ms of a
     * smoke test's start); otherwise the whole tree.
     */
    static CommandLine build(GlobalEnv global, List<String> args) {
        String only = !args.isEmpty() && SINGLE.contains(args.get(0)) ? args.get(0) : null;
        CommandLine root = new CommandLine(new Root());
        add(root, only, "run", () -> new CommandLine(new RunCmd(global)));
        add(root, only, "new", () -> new CommandLine(new NewCmd(global)));
        add(root, only, "inspect", () -> new CommandLine(new InspectCmd(global)));
        add(root, only, "archive", () -> new CommandLine(new ArchiveCmd(global)));
        if (only != null) {
            add(root, only, "quickstart", () -> new CommandLine(new QuickstartCmd(global)));
            add(root, only, "target", () -> new CommandLine(new TargetCmd(global)));
            add(root, only, "version", () -> new CommandLine(new VersionCmd(global)));
            // as k6's flag parser: a repeated flag adds (-e, --tag, -o) or the last one wins (--vus)
            root.setOverwrittenOptionsAllowed(true);
            return root;
        }
        Map.of("status", "Print the status of a running test.", "pause", "Pause a running test.",
                "resume", "Resume a paused test.", "scale", "Change the VUs of a running externally-controlled test.")
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    CommandLine control = new CommandLine(new ControlCmd(global, e.getKey()));
                    control.getCommandSpec().usageMessage().description(e.getValue());
                    root.addSubcommand(e.getKey(), control);
                });
        root.addSubcommand("quickstart", new CommandLine(new QuickstartCmd(global)));
        CommandLine login = new CommandLine(new LoginGroup());
        login.addSubcommand("cloud", new CommandLine(new LoginCloudCmd(global)));
        root.addSubcommand("login", login);
        CommandLine cloud = new CommandLine(new CloudGroup());
        cloud.addSubcommand("serve", new CommandLine(new CloudServeCmd(global)));
        cloud.addSubcommand("login", new CommandLine(new LoginCloudCmd(global)).setCommandName("login"));
        cloud.addSubcommand("run", new CommandLine(new CloudRunCmd(global)));
        root.addSubcommand("cloud", cloud);
        root.addSubcommand("target", new CommandLine(new TargetCmd(global)));
        root.addSubcommand("version", new CommandLine(new VersionCmd(global)));
        root.addSubcommand("completion", new CommandLine(new CompletionCmd(global)));
        root.addSubcommand("help", new CommandLine(new CommandLine.HelpCommand()));
        // as k6's flag parser: a repeated flag adds (-e, --tag, -o) or the last one wins (--vus)
        root.setOverwrittenOptionsAllowed(true);
        return root;
    }

    /** Adds command {@code name} unless only another one is wanted. */
    private static void add(CommandLine root, String only, String name,
            java.util.function.Supplier<CommandLine> command) {
        if (only == null || only.equals(name)) {
            root.addSubcommand(name, command.get());
        }
    }

    /** The arguments after this command's name, as typed (validated by picocli already). */
    private static List<String> argsOf(CommandLine.Model.CommandSpec spec) {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int depth = 0;
        for (CommandLine.Model.CommandSpec s = spec; s.parent() != null; s = s.parent()) {
            depth++;
        }
        return all.subList(Math.min(depth, all.size()), all.size());
    }

    @Command(name = "weft", description = "Runs k6 scripts: more load per core, results you own.",
            synopsisSubcommandLabel = "COMMAND", footerHeading = "%n", footer = {
            "Exit codes: 0 ok, 99 thresholds failed, 100 setup timeout, 101 teardown timeout,",
            "  104 invalid options, 105 stopped by Ctrl-C/SIGTERM, 107 script error,",
            "  108 test.abort() called, 255 bad command or flag.",
            "Run 'weft COMMAND --help' for a command's flags."})
    static final class Root implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        HelpOption help;
        @Option(names = "--version", versionHelp = true, description = "print the version")
        boolean version;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(abbreviateSynopsis = true, name = "run", description = "Start a test: a k6 script (.js, .ts) or an archive (.tar).",
            sortOptions = false, footerHeading = "%nExamples:%n", footer = {
            "  weft run script.js",
            "  weft run --vus 10 --duration 30s script.js",
            "  weft run -e BASE_URL=http://127.0.0.1:8080 --out json=results.json script.js",
            "  weft run --out cloud script.js",
            "Options precedence (as k6): defaults < config file < script < K6_* environment < flags."})
    static final class RunCmd implements Callable<Integer> {
        private final GlobalEnv global;
        @Mixin
        RunFlags flags;
        @Mixin
        HelpOption help;

        RunCmd(GlobalEnv global) {
            this.global = global;
        }

        @Override
        public Integer call() throws InterruptedException {
            return new RunCommand(global).run(flags.finishParsing());
        }
    }

    @Command(name = "new", description = "Write a starter script.",
            footerHeading = "%nExamples:%n", footer = {"  weft new", "  weft new load.js --force"})
    static final class NewCmd implements Callable<Integer> {
        private final GlobalEnv global;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "the script to write (default script.js)")
        String file;
        @Option(names = {"-f", "--force"}, description = "overwrite an existing file")
        boolean force;
        @Mixin
        HelpOption help;

        NewCmd(GlobalEnv global) {
            this.global = global;
        }

        @Override
        public Integer call() throws UsageException {
            return new NewCommand(global).run(argsOf(spec));
        }
    }

    @Command(abbreviateSynopsis = true, name = "inspect", description = "Print the test's consolidated options as JSON.", sortOptions = false)
    static final class InspectCmd implements Callable<Integer> {
        private final GlobalEnv global;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--execution-requirements", description = "add the total duration and the most VUs")
        boolean requirements;
        @Mixin
        RunFlags flags;
        @Mixin
        HelpOption help;

        InspectCmd(GlobalEnv global) {
            this.global = global;
        }

        @Override
        public Integer call() throws UsageException {
            return new InspectCommand(global).run(argsOf(spec));
        }
    }

    @Command(abbreviateSynopsis = true, name = "archive", description = "Bundle the script, its modules and the files it opens into a tar.",
            sortOptions = false, footerHeading = "%nExamples:%n", footer = {"  weft archive -O test.tar script.js",
            "  weft run test.tar"})
    static final class ArchiveCmd implements Callable<Integer> {
        private final GlobalEnv global;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = {"-O", "--archive-out"}, paramLabel = "FILE", description = "where to write (default archive.tar)")
        String out;
        @Mixin
        RunFlags flags;
        @Mixin
        HelpOption help;

        ArchiveCmd(GlobalEnv global) {
            this.global = global;
        }

        @Override
        public Integer call() throws UsageException {
            return new ArchiveCommand(global).run(argsOf(spec));
        }
    }

    @Command(description = "Ask or steer a running test through its control API.", footerHeading = "%nExamples:%n",
            footer = {"  weft status", "  weft scale -u 20 -m 50 -a localhost:6565"})
    static final class ControlCmd implements Callable<Integer> {
        private final GlobalEnv global;
        private final String command;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = {"-a", "--address"}, paramLabel = "HOST:PORT",
                description = "the test's control API (default localhost:6565, or K6_ADDRESS)")
        String address;
        @Option(names = {"-u", "--vus"}, paramLabel = "N", description = "scale: the VUs to run")
        Integer vus;
        @Option(names = {"-m", "--max"}, paramLabel = "N", description = "scale: the most VUs")
        Integer max;
        @Mixin
        HelpOption help;

        ControlCmd(GlobalEnv global, String command) {
            this.global = global;
            this.command = command;
        }

        @Override
        public Integer call() throws UsageException, InterruptedException {
            return new ControlCommand(global).run(command, argsOf(spec));
        }
    }

    @Command(name = "quickstart", description = "Run the bundled example against a built-in local target.",
            footer = "Any 'weft run' flag may follow, e.g. weft quickstart --vus 5 --duration 5s")
    static final class QuickstartCmd implements Callable<Integer> {
        private final GlobalEnv global;
        @Unmatched
        List<String> runFlags = new java.util.ArrayList<>();
        @Mixin
        HelpOption help;

        QuickstartCmd(GlobalEnv global) {
            this.global = global;
        }

        @Override
        public Integer call() throws UsageException, InterruptedException {
            return new Quickstart(global).run(runFlags);
        }
    }

    @Command(name = "login", description = "Log in to a service.", synopsisSubcommandLabel = "SERVICE")
    static final class LoginGroup implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        HelpOption help;

        @Override
        public Integer call() throws UsageException {
            throw new UsageException("unknown login service: use \"weft login cloud [--token T]\"");
        }
    }

    @Command(name = "cloud", description = "Log in to the results service: check a token and store it, "
            + "or ask for email and password.", footerHeading = "%nExamples:%n", footer = {
            "  weft login cloud --token <TOKEN>", "  K6_CLOUD_HOST=http://127.0.0.1:8270 weft cloud login"})
    static final class LoginCloudCmd implements Callable<Integer> {
        private final GlobalEnv global;
        @Option(names = {"-t", "--token"}, paramLabel = "TOKEN", description = "the API token to store")
        String token;
        @Option(names = {"-r", "--reset"}, description = "remove the stored token")
        boolean reset;
        @Mixin
        HelpOption help;

        LoginCloudCmd(GlobalEnv global) {
            this.global = global;
        }

        @Override
        public Integer call() throws UsageException {
            List<String> args = new java.util.ArrayList<>(List.of("cloud"));
            if (token != null) {
                args.addAll(List.of("--token", token));
            }
            if (reset) {
                args.add("--reset");
            }
            return new LoginCommand(global).run(args);
        }
    }

    @Command(name = "cloud", description = "The self-hosted results service and running tests against it.",
            synopsisSubcommandLabel = "COMMAND")
    static final class CloudGroup implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Override
        public Integer call() throws UsageException {
            throw new UsageException("unknown cloud command: use weft cloud serve|login|run (see weft cloud --help)");
        }
    }

    @Command(abbreviateSynopsis = true, name = "serve", description = "Run the self-hosted results service.", sortOptions = false,
            footerHeading = "%nExamples:%n", footer = {
            "  weft cloud serve --port 8270 --create-user admin@localhost:secret --create-token",
            "  weft cloud serve --db jdbc:postgresql://127.0.0.1/weft --db-user weft --db-password ..."})
    static final class CloudServeCmd implements Callable<Integer> {
        private final GlobalEnv global;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--port", paramLabel = "PORT", description = "the port (default 8270)")
        String port;
        @Option(names = "--bind", paramLabel = "ADDRESS", description = "the address to listen on (default 127.0.0.1)")
        String bind;
        @Option(names = "--public-url", paramLabel = "URL", description = "the URL runners and browsers use, e.g. behind a proxy")
        String publicUrl;
        @Option(names = "--db", paramLabel = "JDBC_URL|DIR", description = "the database: a JDBC URL (H2, PostgreSQL) or an H2 directory (default ./weft-cloud-data)")
        String db;
        @Option(names = "--db-user", paramLabel = "USER", description = "the database user")
        String dbUser;
        @Option(names = "--db-password", paramLabel = "PASSWORD", description = "the database password")
        String dbPassword;
        @Option(names = "--timeout-seconds", paramLabel = "N", description = "a run without data for N seconds is Timed out (default 120)")
        String timeout;
        @Option(names = "--org", paramLabel = "NAME", description = "the organisation new users join (default \"default\")")
        String org;
        @Option(names = "--create-user", paramLabel = "EMAIL:PASSWORD", description = "create this user at start")
        String createUser;
        @Option(names = "--create-token", description = "print a new API token for the created (or admin) user")
        boolean createToken;
        @Option(names = "--add-token-file", paramLabel = "FILE", description = "accept the token in FILE for the user")
        String addTokenFile;
        @Option(names = "--setup-only", description = "create users and tokens, then exit")
        boolean setupOnly;
        @Mixin
        HelpOption help;

        CloudServeCmd(GlobalEnv global) {
            this.global = global;
        }

        @Override
        public Integer call() {
            return CloudServe.run(argsOf(spec).toArray(String[]::new), global.stdout(), global.stderr());
        }
    }

    @Command(abbreviateSynopsis = true, name = "run", description = "Run a test here and stream its results to the results service "
            + "(k6 v1's 'k6 cloud run --local-execution').", sortOptions = false,
            footerHeading = "%nExamples:%n", footer = "  weft cloud run --local-execution script.js")
    static final class CloudRunCmd implements Callable<Integer> {
        private final GlobalEnv global;
        @Option(names = "--local-execution", description = "run on this machine (required: Weft has no remote runners)")
        boolean local;
        @Mixin
        RunFlags flags;
        @Mixin
        HelpOption help;

        CloudRunCmd(GlobalEnv global) {
            this.global = global;
        }

        @Override
        public Integer call() throws UsageException, InterruptedException {
            if (!local) {
                throw new UsageException("weft cloud run needs --local-execution: Weft runs tests on this machine "
                        + "and streams them to the results service");
            }
            return new RunCommand(global).run(flags.finishParsing().withOutput("cloud"));
        }
    }

    @Command(name = "target", description = "Run the built-in httpbin-like target on loopback until Ctrl-C.")
    static final class TargetCmd implements Callable<Integer> {
        private final GlobalEnv global;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "PORT", description = "HTTP port (default 8080)")
        Integer port;
        @Parameters(index = "1", arity = "0..1", paramLabel = "HTTPS_PORT", description = "HTTPS port (default 8443)")
        Integer httpsPort;
        @Mixin
        HelpOption help;

        TargetCmd(GlobalEnv global) {
            this.global = global;
        }

        @Override
        public Integer call() throws UsageException, InterruptedException {
            return new TargetCommand(global).run(argsOf(spec));
        }
    }

    @Command(name = "version", description = "Print the version.")
    static final class VersionCmd implements Callable<Integer> {
        private final GlobalEnv global;
        @Option(names = "--json", description = "as JSON")
        boolean json;
        @Mixin
        HelpOption help;

        VersionCmd(GlobalEnv global) {
            this.global = global;
        }

        @Override
        public Integer call() {
            global.stdout().println(json ? Version.json() : Version.text());
            return 0;
        }
    }

    @Command(name = "completion", description = "Print a shell completion script.",
            footerHeading = "%nExamples:%n", footer = {
            "  source <(weft completion bash)",
            "  weft completion zsh > \"${fpath[1]}/_weft\"",
            "  weft completion fish > ~/.config/fish/completions/weft.fish"})
    static final class CompletionCmd implements Callable<Integer> {
        private final GlobalEnv global;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish")
        String shell;
        @Mixin
        HelpOption help;

        CompletionCmd(GlobalEnv global) {
            this.global = global;
        }

        @Override
        public Integer call() throws UsageException {
            CommandLine root = spec.root().commandLine();
            global.stdout().print(switch (shell) {
                case "bash" -> Completion.bash(root);
                case "zsh" -> Completion.zsh(root);
                case "fish" -> Completion.fish(root);
                default -> throw new UsageException("weft completion: unknown shell \"" + shell + "\" (bash, zsh or fish)");
            });
            return 0;
        }
    }
}
