package dev.weft.cli;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Locale;
import java.util.Optional;

/**
 * Ends the process once a command is done, without the JVM's exit wait. The JVM's exit waits
 * up to 300 ms for every thread that is inside a native call to block first, and a JVM that
 * used a socket from a virtual thread always has one: the JDK's poller thread, parked in
 * {@code epoll_wait}. So every {@code weft run} spent ~320 ms between its summary and its exit
 * (measured on JDK 25: a program that makes one request from a virtual thread, then calls
 * {@code System.exit} or {@code Runtime.halt}, ends 320-410 ms later). Calling the C library's
 * {@code _exit} ends it at once, with the same exit code.
 *
 * <p>Weft registers no shutdown hook on a command's normal return (the results service and the
 * target close themselves before returning; their hooks serve signals, which still take the
 * JVM's way out). The fast way is not taken when the JVM is exiting already (a signal's exit),
 * when a JDK Flight Recorder recording runs (it is written by a shutdown hook), when {@code -Dweft.exit=jvm} asks for the JVM's exit, on Java 21
 * (the Foreign Function API is a preview there), or on Windows. Called once, by
 * {@link Weft#main}, on the main thread, after standard output and error were flushed.
 */
public final class ProcessExit {
    private ProcessExit() {
    }

    /** Ends the process with {@code code}; never returns. */
    static void exit(int code) {
        if (fastExitUsable()) {
            try {
                exitFunction().invokeExact(code);
            } catch (Throwable e) {
                // no C library reachable: the JVM's exit still ends the process, only later
            }
        }
        System.exit(code);
    }

    /** Whether {@link #exit} may skip the JVM's shutdown sequence in this process. */
    static boolean fastExitUsable() {
        return Runtime.version().feature() >= 22
                && !"jvm".equals(System.getProperty("weft.exit"))
                && !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                && !flightRecording()
                && !shutdownInProgress();
    }

    /**
     * True when the JVM is already exiting, as it is when SIGTERM stopped {@code weft cloud serve}
     * (its hook closes the service, and the command then returns): the JVM's exit, already under
     * way, must keep its code (143).
     */
    private static boolean shutdownInProgress() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** True when the JDK Flight Recorder has a recording, which its shutdown hook would write. */
    private static boolean flightRecording() {
        try {
            Class<?> recorder = Class.forName("jdk.jfr.FlightRecorder");
            if (!(Boolean) recorder.getMethod("isInitialized").invoke(null)) {
                return false;
            }
            Object instance = recorder.getMethod("getFlightRecorder").invoke(null);
            return !((java.util.List<?>) recorder.getMethod("getRecordings").invoke(instance)).isEmpty();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false; // no jdk.jfr module: nothing to write
        }
    }

    /**
     * Links {@code _exit} without calling it, so that the JDK's AOT cache, recorded by the
     * training run ({@link dev.weft.cli.aot.AotTraining}, which must end through the JVM's exit
     * to write the cache), holds the classes this link loads: linking takes ~120 ms of CPU in a
     * JVM without them. Does nothing where the fast exit is not used.
     */
    public static void link() {
        if (fastExitUsable()) {
            try {
                exitFunction();
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the exit then takes the JVM's way
            }
        }
    }

    // void _exit(int); reached by reflection because Weft compiles for Java 21
    private static MethodHandle exitFunction() throws ReflectiveOperationException {
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> valueLayoutType = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
        Optional<?> symbol = (Optional<?>) lookupType.getMethod("find", String.class).invoke(lookup, "_exit");
        if (symbol.isEmpty()) {
            throw new ReflectiveOperationException("the C library has no _exit()");
        }
        Object[] arguments = (Object[]) Array.newInstance(layoutType, 1);
        arguments[0] = valueLayoutType.getField("JAVA_INT").get(null);
        Object descriptor = descriptorType.getMethod("ofVoid", arguments.getClass()).invoke(null, (Object) arguments);
        Object noOptions = Array.newInstance(optionType, 0);
        MethodHandle handle = (MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType,
                noOptions.getClass()).invoke(linker, symbol.get(), descriptor, noOptions);
        return handle.asType(java.lang.invoke.MethodType.methodType(void.class, int.class));
    }
}
