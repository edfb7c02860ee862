package dev.weft.cli.signal;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * Resets a signal to its default disposition through the C library's {@code signal()}, called
 * with the Foreign Function API. Needed because the JVM silently refuses to handle a signal that
 * is ignored ({@code SIG_IGN}) when the handler is asked for, as it is when a non-interactive
 * shell starts a background job; Go (and so k6) re-enables such a SIGINT on its own.
 *
 * <p>The API is reached by reflection because Weft compiles for Java 21, where it is a preview;
 * on 22 and later it is final. Called by {@link ProcessSignals} on the main thread, only for a
 * signal found ignored.
 */
final class SignalDisposition {
    private SignalDisposition() {
    }

    /** Whether {@link #resetToDefault} can work on this JVM and OS. */
    static boolean supported() {
        return Runtime.version().feature() >= 22
                && !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    /**
     * Sets signal {@code number} to {@code SIG_DFL}.
     *
     * @throws IllegalStateException if the C library or the Foreign Function API cannot be reached
     */
    static void resetToDefault(int number) {
        try {
            signalFunction().invokeWithArguments(number, nullPointer());
        } catch (Throwable e) {
            throw new IllegalStateException("can't reset signal " + number + " to its default: " + e, e);
        }
    }

    // signal(int, void (*)(int)) -> void (*)(int); SIG_DFL is the null pointer
    private static MethodHandle signalFunction() throws ReflectiveOperationException {
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> valueLayoutType = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
        Optional<?> symbol = (Optional<?>) lookupType.getMethod("find", String.class).invoke(lookup, "signal");
        if (symbol.isEmpty()) {
            throw new ReflectiveOperationException("the C library has no signal()");
        }
        Object address = valueLayoutType.getField("ADDRESS").get(null);
        Object[] arguments = (Object[]) Array.newInstance(layoutType, 2);
        arguments[0] = valueLayoutType.getField("JAVA_INT").get(null);
        arguments[1] = address;
        Object descriptor = descriptorType.getMethod("of", layoutType, arguments.getClass())
                .invoke(null, address, arguments);
        Object noOptions = Array.newInstance(optionType, 0);
        return (MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType,
                noOptions.getClass()).invoke(linker, symbol.get(), descriptor, noOptions);
    }

    private static Object nullPointer() throws ReflectiveOperationException {
        return Class.forName("java.lang.foreign.MemorySegment").getField("NULL").get(null);
    }
}
