package io.github.fermmavenplugin.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

class BundleArchivePropertiesTest {

    private static final FileTime ENTRY_TIME = BundleArchive.entryTime(Instant.parse("2024-05-01T08:15:30Z"));

    @Property(tries = 200)
    void readsBackAsTheFilesAndTheirDirectoriesInLayoutOrder(@ForAll("bundles") List<BundleFile> files)
            throws IOException {
        List<BundleLayout.Entry> layout = layoutOrSkip(files);

        Map<String, byte[]> readBack = readBack(tarGz(layout));

        assertThat(readBack.keySet()).containsExactlyElementsOf(layout.stream().map(BundleLayout.Entry::name).toList());
        for (BundleFile file : files) {
            assertThat(readBack.get(file.path())).as(file.path()).isEqualTo(file.content());
        }
    }

    @Property(tries = 200)
    void theBytesDependOnlyOnTheSetOfFiles(@ForAll("bundles") List<BundleFile> files, @ForAll long seed)
            throws IOException {
        List<BundleLayout.Entry> layout = layoutOrSkip(files);
        List<BundleFile> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(tarGz(BundleLayout.entriesOf(shuffled))).isEqualTo(tarGz(layout));
    }

    @Provide
    Arbitrary<List<BundleFile>> bundles() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcz09._-").ofMinLength(1).ofMaxLength(6)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        Arbitrary<String> path = segment.list().ofMinSize(1).ofMaxSize(4).map(segments -> String.join("/", segments));
        Arbitrary<byte[]> content = Arbitraries.bytes().array(byte[].class).ofMaxSize(1500);
        return Arbitraries.maps(path, content).ofMaxSize(8)
                .map(map -> map.entrySet().stream().map(e -> new BundleFile(e.getKey(), e.getValue())).toList());
    }

    private static List<BundleLayout.Entry> layoutOrSkip(List<BundleFile> files) {
        try {
            return BundleLayout.entriesOf(files);
        } catch (IllegalArgumentException fileIsAlsoADirectory) {
            Assume.that(false);
            throw fileIsAlsoADirectory;
        }
    }

    private static byte[] tarGz(List<BundleLayout.Entry> layout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleArchive.writeTarGz(layout, ENTRY_TIME, out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> readBack(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        return entries;
    }
}
