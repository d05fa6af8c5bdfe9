package io.github.fermmavenplugin.bundle;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.fermmavenplugin.diagnostic.UserFile;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleArchiveTest {

    private static final Instant ENTRY_TIME = Instant.parse("2024-05-01T08:15:30Z");

    private static final List<BundleFile> FILES = List.of(
            file("ferm.d/99-docker.ferm", "# last\n"),
            file("ferm.d/20-in.docker.billing-api.ferm", "domain ip table filter chain DOCKER-USER ACCEPT;\n"),
            file("ferm.d/00-docker.ferm", "# first\n"),
            file("ferm.d/.billing-api.bundle.json", "{}\n"));

    @TempDir
    Path workDirectory;

    @Test
    void twoWritesOfTheSameFilesAreByteIdentical() throws IOException {
        Path first = workDirectory.resolve("first.tar.gz");
        Path second = workDirectory.resolve("other/second.tar.gz");

        BundleArchive.write(FILES, first, ENTRY_TIME);
        List<BundleFile> reversed = new ArrayList<>(FILES);
        Collections.reverse(reversed);
        BundleArchive.write(reversed, second, ENTRY_TIME);

        assertThat(UserFile.sha256(Files.readAllBytes(second)))
                .isEqualTo(UserFile.sha256(Files.readAllBytes(first)));
    }

    @Test
    void theEntryTimeAndTheContentChangeTheBytesButFractionsOfASecondDoNot() throws IOException {
        byte[] reference = writeAndRead(FILES, ENTRY_TIME);

        assertThat(writeAndRead(FILES, ENTRY_TIME.plusNanos(999_999_999))).isEqualTo(reference);
        assertThat(writeAndRead(FILES, ENTRY_TIME.plusSeconds(1))).isNotEqualTo(reference);
        assertThat(writeAndRead(List.of(file("ferm.d/00-docker.ferm", "# changed\n")), ENTRY_TIME))
                .isNotEqualTo(writeAndRead(List.of(file("ferm.d/00-docker.ferm", "# first\n")), ENTRY_TIME));
    }

    @Test
    void entriesAreSortedWithTheirDirectoryFirstAndCarryNoBuildMachineDetails() throws IOException {
        List<TarArchiveEntry> entries = readEntries(writeAndRead(FILES, ENTRY_TIME.plusMillis(999)));

        assertThat(entries).extracting(TarArchiveEntry::getName).containsExactly(
                "ferm.d/",
                "ferm.d/.billing-api.bundle.json",
                "ferm.d/00-docker.ferm",
                "ferm.d/20-in.docker.billing-api.ferm",
                "ferm.d/99-docker.ferm");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.getLastModifiedTime().toInstant()).isEqualTo(ENTRY_TIME);
            assertThat(entry.getLongUserId()).isZero();
            assertThat(entry.getLongGroupId()).isZero();
            assertThat(entry.getUserName()).isEmpty();
            assertThat(entry.getGroupName()).isEmpty();
            assertThat(entry.getLinkName()).isEmpty();
            assertThat(entry.getExtraPaxHeaders()).isEmpty();
        });
        assertThat(entries.get(0).isDirectory()).isTrue();
        assertThat(entries.get(0).getMode()).isEqualTo(0755);
        assertThat(entries.subList(1, 5)).allSatisfy(entry -> {
            assertThat(entry.isFile()).isTrue();
            assertThat(entry.getMode()).isEqualTo(0644);
        });
        assertThat(entries.get(2).getSize()).isEqualTo("# first\n".length());
    }

    @Test
    void entriesHoldTheFilesContent() throws IOException {
        byte[] archive = writeAndRead(FILES, ENTRY_TIME);

        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    String name = entry.getName();
                    BundleFile expected = FILES.stream().filter(f -> f.path().equals(name)).findFirst().orElseThrow();
                    assertThat(tar.readAllBytes()).as(name).isEqualTo(expected.content());
                }
            }
        }
    }

    @Test
    void theTarIsPlainUstarWithoutPaxRecordsForShortNames() throws IOException {
        byte[] tar = gunzip(writeAndRead(FILES, ENTRY_TIME));

        // one 512-byte header per entry, content padded to 512, two zero records at the end
        int contentRecords = FILES.size();
        assertThat(tar).hasSize((1 + FILES.size() + contentRecords + 2) * 512);
        byte[] firstHeader = Arrays.copyOfRange(tar, 0, 512);
        assertThat(new String(firstHeader, 257, 6, US_ASCII)).isEqualTo("ustar\0");
        assertThat(new String(firstHeader, 263, 2, US_ASCII)).isEqualTo("00");
        assertThat((char) firstHeader[156]).isEqualTo('5');
    }

    @Test
    void namesLongerThanAUstarHeaderHoldGoIntoPaxHeaders() throws IOException {
        String longName = "ferm.d/" + "x".repeat(120) + ".ferm";

        List<TarArchiveEntry> entries = readEntries(writeAndRead(List.of(file(longName, "#\n")), ENTRY_TIME));

        assertThat(entries).extracting(TarArchiveEntry::getName).containsExactly("ferm.d/", longName);
    }

    @Test
    void gzipHeaderHasNoTimeNoNameAndAFixedOsByte() throws IOException {
        byte[] archive = writeAndRead(FILES, ENTRY_TIME);

        assertThat(archive[0] & 0xff).as("ID1").isEqualTo(0x1f);
        assertThat(archive[1] & 0xff).as("ID2").isEqualTo(0x8b);
        assertThat(archive[2]).as("CM deflate").isEqualTo((byte) 8);
        assertThat(archive[3]).as("FLG: no FTEXT, FHCRC, FEXTRA, FNAME or FCOMMENT").isZero();
        assertThat(Arrays.copyOfRange(archive, 4, 8)).as("MTIME").containsOnly(0);
        assertThat(archive[8]).as("XFL: the default level, 6").isEqualTo((byte) 0);
        assertThat(archive[9]).as("OS: Unix").isEqualTo((byte) 3);
    }

    @Test
    void theArchiveIsReadableByOthersLikeAnyBuildArtifact() throws IOException {
        Path archive = workDirectory.resolve("bundle.tar.gz");
        assumeThat(Files.getFileStore(workDirectory).supportsFileAttributeView("posix")).isTrue();

        BundleArchive.write(FILES, archive, ENTRY_TIME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-r--r--");
    }

    @Test
    void gnuTarListsTheEntriesWithTheirModesOwnersAndTime() throws Exception {
        Path archive = workDirectory.resolve("bundle.tar.gz");
        BundleArchive.write(FILES, archive, ENTRY_TIME);

        String listing = runTar("-tvzf", archive.toString());

        assertThat(listing.lines().map(line -> line.replaceAll(" +", " "))).containsExactly(
                "drwxr-xr-x 0/0 0 2024-05-01 08:15 ferm.d/",
                "-rw-r--r-- 0/0 3 2024-05-01 08:15 ferm.d/.billing-api.bundle.json",
                "-rw-r--r-- 0/0 8 2024-05-01 08:15 ferm.d/00-docker.ferm",
                "-rw-r--r-- 0/0 49 2024-05-01 08:15 ferm.d/20-in.docker.billing-api.ferm",
                "-rw-r--r-- 0/0 7 2024-05-01 08:15 ferm.d/99-docker.ferm");
    }

    @Test
    void gnuTarExtractsTheFilesWithTheirContentModesAndTime() throws Exception {
        Path archive = workDirectory.resolve("bundle.tar.gz");
        BundleArchive.write(FILES, archive, ENTRY_TIME);
        Path etcFerm = Files.createDirectory(workDirectory.resolve("etc-ferm"));

        runTar("--no-same-owner", "--same-permissions", "-xzf", archive.toString(), "-C", etcFerm.toString());

        for (BundleFile file : FILES) {
            Path extracted = etcFerm.resolve(file.path());
            assertThat(extracted).as(file.path()).hasBinaryContent(file.content());
            assertThat(Files.getLastModifiedTime(extracted).toInstant()).isEqualTo(ENTRY_TIME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(extracted))).isEqualTo("rw-r--r--");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(etcFerm.resolve("ferm.d"))))
                .isEqualTo("rwxr-xr-x");
    }

    /** Runs GNU tar in UTC and the C locale; skips the test when there is no tar to run. */
    static String runTar(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TZ", "UTC");
        builder.environment().put("LC_ALL", "C");
        Process tar;
        try {
            tar = builder.start();
        } catch (IOException noTar) {
            assumeThat(noTar).as("the tar binary is not installed, so the archive cannot be checked with it").isNull();
            throw noTar;
        }
        String output = new String(tar.getInputStream().readAllBytes(), US_ASCII);
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).as("tar finished").isTrue();
        assertThat(tar.exitValue()).as("tar exit status; output: %s", output).isZero();
        return output;
    }

    @Test
    void aFailureMidWriteLeavesThePreviousArchiveAndNoTemporaryFile() throws IOException {
        Path archive = workDirectory.resolve("bundle.tar.gz");
        Files.write(archive, "previous archive".getBytes(US_ASCII));
        List<BundleFile> large = List.of(file("ferm.d/big", "x".repeat(1 << 20)), file("ferm.d/small", "y"));

        assertThatThrownBy(() -> BundleArchive.write(large, archive, ENTRY_TIME, out -> failingAfter(100, out)))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full (simulated)");

        assertThat(archive).hasContent("previous archive");
        assertThat(listNames(workDirectory)).containsExactly("bundle.tar.gz");
    }

    @Test
    void aFailureMidWriteWithNoPreviousArchiveLeavesNothing() throws IOException {
        Path archive = workDirectory.resolve("bundle.tar.gz");

        assertThatThrownBy(() -> BundleArchive.write(FILES, archive, ENTRY_TIME, out -> failingAfter(10, out)))
                .isInstanceOf(IOException.class);

        assertThat(listNames(workDirectory)).isEmpty();
    }

    @Test
    void aTargetThatCannotBeReplacedKeepsItsContentAndLeavesNoTemporaryFile() throws IOException {
        Path archive = workDirectory.resolve("bundle.tar.gz");
        Files.createDirectories(archive.resolve("keep"));

        assertThatThrownBy(() -> BundleArchive.write(FILES, archive, ENTRY_TIME)).isInstanceOf(IOException.class);

        assertThat(archive.resolve("keep")).isDirectory();
        assertThat(listNames(workDirectory)).containsExactly("bundle.tar.gz");
    }

    @Test
    void anUnwritableDirectoryFailsWithoutLeavingAnything() throws Exception {
        assumeThat(Files.getFileStore(workDirectory).supportsFileAttributeView("posix")).isTrue();
        Path readOnly = Files.createDirectory(workDirectory.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        // Root ignores directory permissions but not the immutable attribute, so CI (root) proves this too.
        boolean immutable = canCreateFileIn(readOnly) && changeAttribute("+i", readOnly);
        try {
            assumeThat(canCreateFileIn(readOnly))
                    .as("this user ignores directory permissions and cannot set the immutable attribute")
                    .isFalse();

            assertThatThrownBy(() -> BundleArchive.write(FILES, readOnly.resolve("bundle.tar.gz"), ENTRY_TIME))
                    .isInstanceOf(IOException.class);

            assertThat(listNames(readOnly)).isEmpty();
        } finally {
            if (immutable) {
                assertThat(changeAttribute("-i", readOnly)).as("immutable attribute removed").isTrue();
            }
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean canCreateFileIn(Path directory) {
        try {
            Files.delete(Files.createTempFile(directory, "probe", ".tmp"));
            return true;
        } catch (IOException denied) {
            return false;
        }
    }

    /** Runs {@code chattr}; false when it is missing or the file system or user cannot change the attribute. */
    private static boolean changeAttribute(String change, Path path) throws InterruptedException {
        try {
            Process chattr = new ProcessBuilder("chattr", change, path.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return chattr.waitFor(30, TimeUnit.SECONDS) && chattr.exitValue() == 0;
        } catch (IOException noChattr) {
            return false;
        }
    }

    @Test
    void invalidFilesAreRejectedBeforeAnythingIsWritten() throws IOException {
        Path archive = workDirectory.resolve("bundle.tar.gz");
        Files.write(archive, "previous archive".getBytes(US_ASCII));

        assertThatIllegalArgumentException().isThrownBy(() -> BundleArchive.write(
                List.of(file("ferm.d/a", "1"), file("ferm.d/a", "2")), archive, ENTRY_TIME));

        assertThat(archive).hasContent("previous archive");
        assertThat(listNames(workDirectory)).containsExactly("bundle.tar.gz");
    }

    @Test
    void entryTimesOutsideWhatTarHoldsAreRejected() {
        Path archive = workDirectory.resolve("bundle.tar.gz");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> BundleArchive.write(FILES, archive, Instant.parse("1969-12-31T23:59:59Z")))
                .withMessageContaining("outside what a tar header holds");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BundleArchive.write(FILES, archive, Instant.ofEpochSecond(077777777777L + 1)));
        assertThat(archive).doesNotExist();
    }

    @Test
    void theExtremeEntryTimesAreWrittenExactly() throws IOException {
        Instant last = Instant.ofEpochSecond(077777777777L);

        assertThat(last).isEqualTo(Instant.parse("2242-03-16T12:56:31Z"));
        assertThat(readEntries(writeAndRead(FILES, last)).get(0).getLastModifiedTime().toInstant()).isEqualTo(last);
        assertThat(readEntries(writeAndRead(FILES, Instant.EPOCH)).get(0).getLastModifiedTime().toInstant())
                .isEqualTo(Instant.EPOCH);
    }

    private byte[] writeAndRead(List<BundleFile> files, Instant entryTime) throws IOException {
        Path archive = Files.createTempDirectory(workDirectory, "archive").resolve("bundle.tar.gz");
        BundleArchive.write(files, archive, entryTime);
        return Files.readAllBytes(archive);
    }

    private static List<TarArchiveEntry> readEntries(byte[] archive) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static byte[] gunzip(byte[] archive) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
            return in.readAllBytes();
        }
    }

    static List<String> listNames(Path directory) throws IOException {
        try (var paths = Files.list(directory)) {
            return paths.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A stream that accepts {@code limit} bytes and then fails as a full disk would. */
    static OutputStream failingAfter(int limit, OutputStream out) {
        return new FilterOutputStream(out) {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > limit) {
                    throw new IOException("disk full (simulated)");
                }
                super.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        };
    }

    private static BundleFile file(String path, String content) {
        return new BundleFile(path, content.getBytes(US_ASCII));
    }
}
