import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar with its Java 1.5-era classes (class file version below 50) rewritten as
 * version 52 with stack maps, and nothing else changed. The JDK's AOT cache skips such old
 * classes ("Old class has been linked": the old verifier records no constraints), so a start
 * loaded, parsed and verified picocli's ~230 classes from its jar every time: ~100 ms of CPU of
 * a smoke test. Run by jvm-options.sh (weft_aot_prepare) as a single-file program on the JDK 25+
 * that records the cache: {@code java UpgradeOldClasses.java IN.jar OUT.jar}. Needs JDK 24+
 * (java.lang.classfile).
 */
public final class UpgradeOldClasses {
    private UpgradeOldClasses() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java UpgradeOldClasses.java IN.jar OUT.jar");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        try (URLClassLoader jar = new URLClassLoader(new URL[] {in.toUri().toURL()}, null)) {
            // stack maps need the common super class of two types: the JDK's own, else the jar's
            ClassFile files = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver
                    .defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(jar))));
            ClassTransform toVersion52 = ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                    .andThen((builder, element) -> {
                        if (element instanceof ClassFileVersion) {
                            builder.withVersion(ClassFile.JAVA_8_VERSION, 0);
                        } else {
                            builder.with(element);
                        }
                    });
            int upgraded = 0;
            try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
                    ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(out))) {
                for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                    byte[] bytes = zin.readAllBytes();
                    if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                        ClassModel model = files.parse(bytes);
                        if (model.majorVersion() < ClassFile.JAVA_6_VERSION) {
                            bytes = files.transformClass(model, toVersion52);
                            upgraded++;
                        }
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    zout.putNextEntry(copy);
                    zout.write(bytes);
                    zout.closeEntry();
                }
            }
            System.err.println(in.getFileName() + ": " + upgraded + " classes upgraded to version 52");
        }
    }
}
