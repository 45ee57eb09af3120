package com.infraconsole;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile text for fuzz tests, from a seeded generator: the seed is printed, and
 * {@code -Dfuzz.seed=N} replays a run ({@code -Dfuzz.seed=random} draws a new one). Each string
 * mixes printable text with what breaks parsers and databases: NUL and the other C0/C1 controls,
 * bidi overrides and zero-width characters, lone surrogates, 4-byte characters, non-characters,
 * text decoded from invalid UTF-8, and now and then far more than any field allows.
 */
public final class Fuzz {

    private static final String[] NASTY = {
        "\u0000",
        "\u0001",
        "\u0007",
        "\b",
        "\t",
        "\n",
        "\r",
        "\u000b",
        "\u000c",
        "\u001b",
        "\u001f",
        "\u007f",
        "\u0085",
        "\u009f",
        "\u00a0",
        "\u202e",
        "\u202d",
        "\u2066",
        "\u2069",
        "\u200b",
        "\u200d",
        "\u200f",
        "\u2028",
        "\ufeff",
        "\ud800",
        "\udfff",
        "\udc00\ud800",
        "\ud83d\ude00",
        "\udbff\udfff",
        "\ufffd",
        "\ufffe",
        "\uffff",
        "e\u0301",
        "\u0644\u0627",
        "\u4e2d",
        "\u00df",
        "'",
        "\"",
        "\\",
        "%",
        "_",
        ",",
        ";",
        ":",
        "#",
        "=",
        "-",
        "[",
        "]",
        "{",
        "}",
        "&",
        "*",
        "!",
        "|",
        ">",
        "<script>",
        "' OR 1=1 --",
        "${x}",
        "{{ lookup('pipe','id') }}",
        "\r\n",
        "---",
        "- ",
        ": ",
        "? ",
        "@",
        "`",
        "$",
        "\\u0000",
        "%00",
    };

    private static final long SEED = seed();
    private final Random random;
    private long cases;

    private Fuzz(long seed) {
        this.random = new Random(seed);
    }

    /** A generator for one test; prints the seed so that a failure can be replayed. */
    public static Fuzz forTest(String name) {
        long seed = SEED ^ name.hashCode();
        System.out.println("[fuzz] " + name + ": -Dfuzz.seed=" + SEED + " (this test's generator seed " + seed + ")");
        return new Fuzz(seed);
    }

    private static long seed() {
        var property = System.getProperty("fuzz.seed", "20261125");
        return "random".equals(property) ? new Random().nextLong() : Long.parseLong(property);
    }

    public Random random() {
        return random;
    }

    /** Counts one case tried, for the figure each test prints. */
    public void tried() {
        cases++;
    }

    public long cases() {
        return cases;
    }

    /** A hostile string of up to {@code maxLength} chars (rarely far longer, to test limits). */
    public String string(int maxLength) {
        int length = switch (random.nextInt(20)) {
            case 0 -> maxLength * 2 + random.nextInt(maxLength + 1); // over-long
            case 1 -> 0;
            default -> random.nextInt(Math.max(1, maxLength) + 1);
        };
        var sb = new StringBuilder(length);
        while (sb.length() < length) {
            switch (random.nextInt(6)) {
                case 0, 1 -> sb.append((char) (' ' + random.nextInt(95)));
                case 2 -> sb.append(NASTY[random.nextInt(NASTY.length)]);
                case 3 -> sb.appendCodePoint(random.nextInt(0x110000)); // any code point, surrogates included
                case 4 -> sb.append(badUtf8());
                default -> sb.append((char) ('a' + random.nextInt(26)));
            }
        }
        return sb.length() > length && length < maxLength ? sb.substring(0, length) : sb.toString();
    }

    /** Bytes that are not valid UTF-8, decoded as a lenient reader would (replacement characters, or Latin-1). */
    private String badUtf8() {
        var bytes = bytes(1 + random.nextInt(6));
        return random.nextBoolean()
                ? new String(bytes, StandardCharsets.UTF_8)
                : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Raw bytes: invalid UTF-8 sequences (stray continuation bytes, overlong forms, 0xFE/0xFF, cut-off sequences) and noise. */
    public byte[] bytes(int length) {
        byte[][] bad = {
            {(byte) 0x80},
            {(byte) 0xbf},
            {(byte) 0xc0, (byte) 0xaf},
            {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xfe},
            {(byte) 0xff},
            {(byte) 0xe2, (byte) 0x82},
            {(byte) 0xf0, (byte) 0x9f},
            {0}
        };
        var out = new java.io.ByteArrayOutputStream();
        while (out.size() < length) {
            if (random.nextBoolean()) {
                out.writeBytes(bad[random.nextInt(bad.length)]);
            } else {
                out.write(random.nextInt(256));
            }
        }
        return out.toByteArray();
    }

    /** A valid sample with a few random edits: hostile insertions, deletions and repeats. */
    public String mutate(String valid) {
        var sb = new StringBuilder(valid);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int at = sb.isEmpty() ? 0 : random.nextInt(sb.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> sb.insert(at, NASTY[random.nextInt(NASTY.length)]);
                case 1 -> sb.insert(at, string(12));
                case 2 -> {
                    if (at < sb.length()) {
                        sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(8)));
                    }
                }
                default -> {
                    int end = Math.min(sb.length(), at + random.nextInt(40));
                    var chunk = sb.substring(at, end);
                    sb.insert(at, chunk.repeat(1 + random.nextInt(random.nextInt(50) == 0 ? 5000 : 4)));
                }
            }
        }
        return sb.toString();
    }

    /** One of the given values. */
    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
