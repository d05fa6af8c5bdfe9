import java.security.MessageDigest
import java.util.zip.GZIPInputStream

/**
 * Checks shared by the ITs' verify.groovy scripts, which load this class with
 * {@code new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))}.
 * Failing a check throws an AssertionError, which fails the IT.
 */
class ItSupport {

    static String buildLog(File basedir) {
        new File(basedir, 'build.log').getText('UTF-8')
    }

    /** The build failed in the plugin with {@code expected} (e.g. "firewall.yaml:6:12: ...") about a file of this project, and wrote nothing. */
    static void assertFailsWith(File basedir, String expected) {
        String log = buildLog(basedir)
        assert log.contains('[ERROR] Failed to execute goal io.github.fermmavenplugin:ferm-maven-plugin:')
        assert log.contains(basedir.name + File.separator + expected)
        assertNoStackTrace(log)
        assertNoBundle(basedir)
    }

    /** A user's mistake is a message, not a Java stack trace. */
    static void assertNoStackTrace(String log) {
        assert !(log =~ /(?m)^\s+at [a-z]+\.[\w.$]+\(/), 'the build log shows a stack trace'
    }

    static void assertNoBundle(File basedir) {
        File target = new File(basedir, 'target')
        List<String> archives = (target.list() ?: []).findAll { it.endsWith('.tar.gz') }
        assert archives.isEmpty(), "no archive expected in target/, found ${archives}"
        assert !new File(target, 'ferm').exists(), 'no target/ferm expected'
    }

    static String sha256(File file) {
        MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
    }

    /** The gzip header carries no time and no file name, so that it does not vary between builds. */
    static void assertNeutralGzipHeader(File archive) {
        byte[] head = new byte[10]
        archive.withInputStream { it.read(head) }
        assert (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b, "${archive} is not gzip"
        assert (head[3] & 0x08) == 0, 'the gzip header names a file'
        assert head[4..7].every { it == 0 }, 'the gzip header has a modification time'
    }

    /** The entries of a ustar tar.gz as maps of name, type ('0' file, '5' directory), mode, uid, gid, uname, gname, mtime (epoch seconds), text. */
    static List<Map> tarEntries(File archive) {
        List<Map> entries = []
        new GZIPInputStream(new FileInputStream(archive)).withCloseable { InputStream tar ->
            while (true) {
                byte[] header = tar.readNBytes(512)
                assert header.length == 512, 'the archive ends without its two zero blocks'
                if (header.every { it == 0 }) {
                    break
                }
                long size = octal(header, 124, 12)
                byte[] content = tar.readNBytes((int) size)
                tar.readNBytes((int) ((512 - size % 512) % 512))
                String prefix = text(header, 345, 155)
                String name = text(header, 0, 100)
                entries << [name : prefix ? prefix + '/' + name : name,
                            type : (char) header[156],
                            mode : octal(header, 100, 8),
                            uid  : octal(header, 108, 8),
                            gid  : octal(header, 116, 8),
                            uname: text(header, 265, 32),
                            gname: text(header, 297, 32),
                            mtime: octal(header, 136, 12),
                            text : new String(content, 'UTF-8')]
            }
        }
        entries
    }

    /** ferm:aggregate refused with every one of {@code expected} in its message, and left no host bundle. */
    static void assertAggregateRefused(File basedir, List<String> expected) {
        String log = buildLog(basedir)
        assert log.contains('[ERROR] Failed to execute goal io.github.fermmavenplugin:ferm-maven-plugin:')
        assert log.contains(':aggregate ')
        expected.each { assert log.contains(it), "the build log does not say: ${it}" }
        assertNoStackTrace(log)
        assertNoBundle(basedir)
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset
        while (end < offset + length && header[end] != 0) {
            end++
        }
        new String(header, offset, end - offset, 'UTF-8')
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).trim()
        digits ? Long.parseLong(digits, 8) : 0L
    }
}
