package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JVM ended by {@link ProcessExit}: its exit code and its flushed output arrive. */
class ProcessExitTest {
    @TempDir
    Path dir;

    @Test
    void a_process_that_used_a_socket_from_a_virtual_thread_ends_with_the_given_code_and_its_output() throws Exception {
        Process p = probe(List.of(), "42");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isEqualTo(42);
        assertThat(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8))
                .isEqualTo("fast exit: " + (Runtime.version().feature() >= 22) + "\nlast line ✓\n");
    }

    @Test
    void weft_exit_jvm_asks_for_the_jvms_own_exit_with_the_same_code() throws Exception {
        Process p = probe(List.of("-Dweft.exit=jvm"), "7");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(7);
        assertThat(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8))
                .isEqualTo("fast exit: false\nlast line ✓\n");
    }

    @Test
    void an_exit_already_under_way_keeps_its_code() throws Exception {
        Process p = probe(List.of(), "0", "exiting");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isEqualTo(143);
        assertThat(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8)).endsWith("hook done\n");
    }

    private Process probe(List<String> jvmFlags, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        return pb.start();
    }

    /**
     * Connects to a loopback socket from a virtual thread (so the JDK's poller runs), prints,
     * exits; with "exiting", while another thread's {@code System.exit(143)} runs a slow hook.
     */
    static final class Probe {
        public static void main(String[] args) throws Exception {
            if (args.length > 1 && args[1].equals("exiting")) {
                java.util.concurrent.CountDownLatch hookStarted = new java.util.concurrent.CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    hookStarted.countDown();
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    System.out.print("hook done\n");
                    System.out.flush();
                }));
                new Thread(() -> System.exit(143)).start();
                hookStarted.await();
                ProcessExit.exit(Integer.parseInt(args[0]));
                return;
            }
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread client = Thread.ofVirtual().start(() -> {
                    try (Socket s = new Socket(server.getInetAddress(), server.getLocalPort())) {
                        s.getOutputStream().write(1);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                try (Socket accepted = server.accept()) {
                    accepted.getInputStream().read();
                }
                client.join();
            }
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                    StandardCharsets.UTF_8);
            out.print("fast exit: " + ProcessExit.fastExitUsable() + "\nlast line ✓\n");
            out.flush();
            ProcessExit.exit(Integer.parseInt(args[0]));
        }
    }
}
