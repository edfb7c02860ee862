package dev.weft.cli.signal;

import dev.weft.cli.GlobalEnv;
import java.io.OutputStream;
import java.io.PrintStream;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The real {@link GlobalEnv.Signals}: SIGINT and SIGTERM call the given handler. A signal the
 * process inherited as ignored is first reset to its default, so {@code kill -INT} stops a run
 * started in the background by a script, as it stops k6. Built once by {@code Weft.main};
 * {@link #onInterrupt} is called on the main thread, the handler on the JVM's signal thread.
 *
 * <p>What does not work, measured on JDK 25 / Debian 12 with SIGINT ignored at start: bash's
 * {@code trap - INT} (a non-interactive shell cannot reset a signal ignored on entry),
 * {@code setsid} (keeps dispositions). What works besides this: {@code env --default-signal=INT}
 * (GNU coreutils 8.31+) in front of {@code java}. Under {@code -Xrs} the JVM refuses both signals;
 * then this warns once and the JVM's defaults apply (the process ends at once, no summary).
 */
public final class ProcessSignals implements GlobalEnv.Signals {
    private static final String[] NAMES = {"INT", "TERM"};

    private final PrintStream warnings;

    private ProcessSignals(PrintStream warnings) {
        this.warnings = warnings;
    }

    /**
     * Takes SIGINT and SIGTERM back from an inherited {@code SIG_IGN}: each one found ignored gets
     * the JVM's own default behaviour (shutdown hooks run, exit code 128 + signal number), so
     * {@code weft cloud serve} started in the background stops on {@code kill} as well.
     *
     * @param warnings where the one-line warnings go (standard error)
     */
    public static ProcessSignals start(PrintStream warnings) {
        // a signal that can't be taken back stays as inherited without a word here; a run warns
        ProcessSignals quiet = new ProcessSignals(new PrintStream(OutputStream.nullOutputStream()));
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            SignalHandler exit = s -> System.exit(128 + s.getNumber());
            try {
                SignalHandler previous = Signal.handle(signal, exit);
                if (previous == SignalHandler.SIG_IGN) {
                    quiet.install(signal, exit);
                } else {
                    Signal.handle(signal, previous);
                }
            } catch (IllegalArgumentException e) {
                // -Xrs: warned about when a run asks for the signal
            }
        }
        return new ProcessSignals(warnings);
    }

    @Override
    public AutoCloseable onInterrupt(Runnable onSignal) {
        SignalHandler handler = s -> onSignal.run();
        SignalHandler[] previous = new SignalHandler[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            previous[i] = install(new Signal(NAMES[i]), handler);
        }
        return () -> {
            for (int i = 0; i < NAMES.length; i++) {
                if (previous[i] != null) {
                    Signal.handle(new Signal(NAMES[i]), previous[i]);
                }
            }
        };
    }

    /** Installs {@code handler}; returns what to restore afterwards, or null if nothing was installed. */
    private SignalHandler install(Signal signal, SignalHandler handler) {
        SignalHandler previous;
        try {
            previous = Signal.handle(signal, handler);
        } catch (IllegalArgumentException e) {
            warnings.println("weft: warning: the JVM keeps SIG" + signal.getName() + " to itself (-Xrs?): "
                    + "it ends Weft at once, without teardown or summary");
            return null;
        }
        if (previous != SignalHandler.SIG_IGN) {
            return previous;
        }
        // the JVM left the inherited SIG_IGN in place and did not install the handler
        if (!SignalDisposition.supported()) {
            warnings.println("weft: warning: SIG" + signal.getName() + " was ignored when Weft started and Java "
                    + Runtime.version().feature() + " can't undo that (Java 22+ can); start Weft with "
                    + "`env --default-signal=" + signal.getName() + "` to be able to stop it with this signal");
            return null;
        }
        try {
            SignalDisposition.resetToDefault(signal.getNumber());
        } catch (IllegalStateException e) {
            warnings.println("weft: warning: SIG" + signal.getName() + " was ignored when Weft started and "
                    + e.getMessage());
            return null;
        }
        if (Signal.handle(signal, handler) == SignalHandler.SIG_IGN) {
            warnings.println("weft: warning: SIG" + signal.getName() + " was ignored when Weft started and "
                    + "stays ignored after resetting it");
            return null;
        }
        return SignalHandler.SIG_IGN;
    }
}
