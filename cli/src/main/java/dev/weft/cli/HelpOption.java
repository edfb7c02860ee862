package dev.weft.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} for every command of the {@link CommandTree}, declared once and mixed in. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;
}
