package dev.weft.cli.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * POSIX ustar reading and writing, enough for k6 archives: files, directories and hard links;
 * names longer than ustar allows go in a PAX {@code path} record (as Go's archive/tar writes
 * them), and GNU long names are read too. Stateless.
 */
final class Tar {
    private static final int BLOCK = 512;

    private Tar() {
    }

    static void write(OutputStream out, List<TarEntry> entries, long mtimeSeconds) throws IOException {
        for (TarEntry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            if (name.length > 100) {
                byte[] pax = paxRecord("path", e.name());
                out.write(header("PaxHeaders/" + shorten(e.name()), 'x', "", pax.length, mtimeSeconds));
                writeData(out, pax);
            }
            out.write(header(e.name(), e.type(), e.linkName(), e.data().length, mtimeSeconds));
            writeData(out, e.data());
        }
        out.write(new byte[BLOCK * 2]);
        out.flush();
    }

    private static String shorten(String name) {
        String tail = name.substring(name.lastIndexOf('/') + 1);
        return tail.length() > 80 ? tail.substring(tail.length() - 80) : tail;
    }

    private static byte[] paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int len = body.getBytes(StandardCharsets.UTF_8).length;
        int total = len + String.valueOf(len).length();
        if (String.valueOf(total).length() != String.valueOf(len).length()) {
            total++;
        }
        return (total + body).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeData(OutputStream out, byte[] data) throws IOException {
        out.write(data);
        int pad = (BLOCK - data.length % BLOCK) % BLOCK;
        out.write(new byte[pad]);
    }

    private static byte[] header(String name, char type, String link, long size, long mtime) {
        byte[] h = new byte[BLOCK];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, Math.min(n.length, 100));
        octal(h, 100, 8, type == '5' ? 0755 : 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = (byte) type;
        byte[] l = link.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(l, 0, h, 157, Math.min(l.length, 100));
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        String chk = String.format(Locale.ROOT, "%06o", sum);
        System.arraycopy(chk.getBytes(StandardCharsets.US_ASCII), 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void octal(byte[] h, int off, int len, long value) {
        String s = String.format(Locale.ROOT, "%0" + (len - 1) + "o", value);
        System.arraycopy(s.getBytes(StandardCharsets.US_ASCII), 0, h, off, len - 1);
        h[off + len - 1] = 0;
    }

    static List<TarEntry> read(InputStream in) throws IOException {
        List<TarEntry> entries = new ArrayList<>();
        String longName = null;
        while (true) {
            byte[] h = in.readNBytes(BLOCK);
            if (h.length < BLOCK || isZero(h)) {
                return entries;
            }
            String name = text(h, 0, 100);
            String prefix = text(h, 345, 155);
            if (!prefix.isEmpty() && text(h, 257, 5).equals("ustar")) {
                name = prefix + "/" + name;
            }
            long size = parseOctal(h, 124, 12);
            char type = (char) h[156];
            byte[] data = in.readNBytes((int) size);
            if (data.length < size) {
                throw new IOException("the tar ends in the middle of " + name);
            }
            in.readNBytes((int) ((BLOCK - size % BLOCK) % BLOCK));
            switch (type) {
                case 'x' -> longName = paxPath(data, longName);
                case 'L' -> longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                case 'g' -> { }
                default -> {
                    entries.add(new TarEntry(longName != null ? longName : name, type, text(h, 157, 100), data));
                    longName = null;
                }
            }
        }
    }

    private static String paxPath(byte[] data, String current) {
        String s = new String(data, StandardCharsets.UTF_8);
        for (String line : s.split("\n")) {
            int sp = line.indexOf(' ');
            int eq = line.indexOf('=');
            if (sp > 0 && eq > sp && line.substring(sp + 1, eq).equals("path")) {
                return line.substring(eq + 1);
            }
        }
        return current;
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long parseOctal(byte[] h, int off, int len) throws IOException {
        String s = text(h, off, len).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException("bad tar header size \"" + s + "\"");
        }
    }

    /** True when the bytes start with a ustar header. */
    static boolean looksLikeTar(byte[] firstBlock) {
        return firstBlock.length >= 262 && new String(firstBlock, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    static byte[] bytes(List<TarEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, entries, 0);
        return out.toByteArray();
    }
}
