package dev.weft.cli.archive;

/**
 * One member of a tar file as Weft reads and writes it.
 *
 * @param name     the path inside the archive, '/'-separated
 * @param type     '0' file, '5' directory, '1' hard link
 * @param linkName for a hard link, the member it points at
 * @param data     a file's bytes (empty for others)
 */
record TarEntry(String name, char type, String linkName, byte[] data) {
    static TarEntry file(String name, byte[] data) {
        return new TarEntry(name, '0', "", data);
    }

    boolean isFile() {
        return type == '0' || type == '\0' || type == '7';
    }
}
