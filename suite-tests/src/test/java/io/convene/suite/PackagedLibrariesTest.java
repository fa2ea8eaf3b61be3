package io.convene.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What the build packs, read from the WAR and the EAR it made: one version of each library on a
 * class path (two commons-codec jars or a Jackson core of another release than its databind fail at
 * run time, whichever the class loader meets first), one Jackson release, and the Netty shaded into
 * media-control a current 4.2.
 */
class PackagedLibrariesTest {

    private static final Path WAR = Path.of("../micro/target/convene.war");
    private static final Path EAR = Path.of("../ear/target/convene.ear");

    /** A library in an archive: its Maven coordinates, as its own pom.properties says, and where it lies. */
    record Library(String group, String artifact, String version, String file) {
        String key() {
            return group + ":" + artifact;
        }
    }

    @Test
    void theWarHoldsOneVersionOfEachLibraryAndOneJackson() throws IOException {
        List<Library> libraries = libraries(Files.readAllBytes(WAR), "WEB-INF/lib/");
        assertThat(libraries).as("the WAR's libraries were read").hasSizeGreaterThan(50);
        assertThat(duplicates(libraries)).as("libraries in the WAR twice, with their versions").isEmpty();
        assertThat(jacksonReleases(libraries)).as("Jackson's modules, one release").hasSize(1);
    }

    @Test
    void theWarsBillOfMaterialsNamesEveryLibraryItHolds() throws IOException {
        Path bom = Path.of("../micro/target/bom.json");
        assertThat(bom).as("the CycloneDX SBOM built with the WAR").exists();
        TreeSet<String> listed = new TreeSet<>();
        for (com.fasterxml.jackson.databind.JsonNode c : Api.JSON.readTree(bom.toFile()).get("components")) {
            listed.add(c.path("group").asText() + ":" + c.path("name").asText() + ":" + c.path("version").asText());
        }
        List<String> held = libraries(Files.readAllBytes(WAR), "WEB-INF/lib/").stream()
                .filter(l -> !l.group().equals("io.convene")).map(l -> l.key() + ":" + l.version()).toList();
        assertThat(held).isNotEmpty();
        assertThat(listed).as("the SBOM against the WAR's own libraries").containsAll(held);
    }

    @Test
    void eachWarOfTheEarSeesOneVersionOfEachLibrary() throws IOException {
        byte[] ear = Files.readAllBytes(EAR);
        List<Library> shared = libraries(ear, "lib/");
        assertThat(shared).as("the EAR's lib/ was read").isNotEmpty();
        List<String> wars = entries(ear).keySet().stream().filter(name -> name.endsWith(".war")).toList();
        assertThat(wars).isNotEmpty();
        for (String war : wars) {
            List<Library> seen = new ArrayList<>(shared);
            seen.addAll(libraries(entries(ear).get(war), "WEB-INF/lib/"));
            assertThat(duplicates(seen)).as(war + " with the EAR's lib/").isEmpty();
            assertThat(jacksonReleases(seen)).as(war + ": Jackson's modules, one release at most").hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void theShadedNettyIsACurrentFourPointTwo() throws IOException {
        byte[] mediaControl = entries(Files.readAllBytes(WAR)).entrySet().stream()
                .filter(e -> e.getKey().matches("WEB-INF/lib/convene-media-control-.*\\.jar")).findFirst().orElseThrow().getValue();
        TreeSet<String> netty = new TreeSet<>();
        for (Map.Entry<String, byte[]> e : entries(mediaControl).entrySet()) {
            if (e.getKey().matches("META-INF/maven/io\\.netty/[^/]+/pom\\.properties")) {
                netty.add(properties(e.getValue()).getProperty("version"));
            }
        }
        assertThat(netty).as("one Netty release shaded").hasSize(1);
        String[] version = netty.first().split("\\.");
        assertThat(version[0] + "." + version[1]).isEqualTo("4.2");
        assertThat(Integer.parseInt(version[2])).as("a 4.2 release of late 2026").isGreaterThanOrEqualTo(18);
    }

    private static Map<String, TreeSet<String>> duplicates(List<Library> libraries) {
        Map<String, TreeSet<String>> versions = new TreeMap<>();
        libraries.forEach(l -> versions.computeIfAbsent(l.key(), k -> new TreeSet<>()).add(l.version() + " (" + l.file() + ")"));
        versions.values().removeIf(found -> found.size() < 2);
        return versions;
    }

    /** The major.minor releases of Jackson's modules (annotations are versioned 2.x only since 2.20). */
    private static TreeSet<String> jacksonReleases(List<Library> libraries) {
        return libraries.stream().filter(l -> l.group().startsWith("com.fasterxml.jackson"))
                .map(l -> l.version().replaceAll("^(\\d+\\.\\d+).*", "$1")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The jars under {@code folder}, each named by the pom.properties whose artifact its file name carries. */
    private static List<Library> libraries(byte[] archive, String folder) throws IOException {
        List<Library> found = new ArrayList<>();
        for (Map.Entry<String, byte[]> jar : entries(archive).entrySet()) {
            String name = jar.getKey();
            if (!name.startsWith(folder) || !name.endsWith(".jar") || name.substring(folder.length()).contains("/")) {
                continue;
            }
            String file = name.substring(folder.length());
            for (Map.Entry<String, byte[]> e : entries(jar.getValue()).entrySet()) {
                if (e.getKey().matches("META-INF/maven/[^/]+/[^/]+/pom\\.properties")) {
                    Properties pom = properties(e.getValue());
                    String artifact = pom.getProperty("artifactId");
                    if (artifact != null && file.contains(artifact + "-" + pom.getProperty("version"))) {
                        found.add(new Library(pom.getProperty("groupId"), artifact, pom.getProperty("version"), file));
                    }
                }
            }
        }
        return found;
    }

    private static Map<String, byte[]> entries(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static Properties properties(byte[] bytes) throws IOException {
        Properties p = new Properties();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            p.load(in);
        }
        return p;
    }
}
