package io.convene.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.convene.launcher.ContainerImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The compose file and the Kubernetes manifests give Convene's image the same settings, and each is
 * one Convene reads: a setting the launcher gives its own Payara Micro (read from the running
 * suite), one the WAR declares a default for, or one of the image's own start-up variables.
 */
class DeploymentFilesIT {

    private static final YAMLMapper YAML = new YAMLMapper();
    /** Read by the image's entrypoint and post-boot commands, not by Convene itself. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("CONVENE_BROKER_HOST", "CONVENE_BROKER_PORT", "CONVENE_BROKER_USER",
            "CONVENE_BROKER_PASSWORD", "CONVENE_HTTP_TRUST_FORWARDED_PROTO", "CONVENE_LOG_FORMAT", "CONVENE_JAVA_OPTS",
            "CONVENE_HTTP_PORT");

    @Test
    void composeAndKubernetesGiveTheImageTheSameSettingsEachOneConveneReads() throws IOException {
        JsonNode convene = YAML.readTree(Path.of("../deploy/compose.yaml").toFile()).at("/services/convene");
        Set<String> compose = new TreeSet<>();
        convene.get("environment").fieldNames().forEachRemaining(compose::add);

        Set<String> kubernetes = new TreeSet<>();
        String image = null;
        for (JsonNode document : documents(Path.of("../deploy/kubernetes/convene.yaml"))) {
            switch (document.path("kind").asText()) {
                case "ConfigMap" -> document.get("data").fieldNames().forEachRemaining(kubernetes::add);
                case "Secret" -> document.get("stringData").fieldNames().forEachRemaining(kubernetes::add);
                case "Deployment" -> image = document.at("/spec/template/spec/containers/0/image").asText();
                default -> { }
            }
        }
        assertThat(kubernetes).as("the manifests' settings against the compose file's").isEqualTo(compose);
        assertThat(image).isEqualTo(convene.get("image").asText()).isEqualTo(ContainerImage.NAME + ":latest");

        Set<String> known = new TreeSet<>(IMAGE_VARIABLES);
        ConveneSuite.get().applicationConfig().keySet().forEach(key -> known.add(variable(key)));
        declaredDefaults().forEach(key -> known.add(variable(key)));
        assertThat(known).as("settings Convene reads").containsAll(compose);
    }

    private static String variable(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            values.forEachRemaining(documents::add);
        }
        return documents;
    }

    /** The keys of every microprofile-config.properties in the WAR, its modules' jars included. */
    private static Set<String> declaredDefaults() throws IOException {
        Set<String> keys = new TreeSet<>();
        collect(Files.readAllBytes(Path.of("../micro/target/convene.war")), keys);
        assertThat(keys).as("the WAR declares defaults").isNotEmpty();
        return keys;
    }

    private static void collect(byte[] archive, Set<String> keys) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith("microprofile-config.properties")) {
                    Properties p = new Properties();
                    p.load(new ByteArrayInputStream(zip.readAllBytes()));
                    p.stringPropertyNames().forEach(keys::add);
                } else if (e.getName().endsWith(".jar")) {
                    collect(zip.readAllBytes(), keys);
                }
            }
        }
    }
}
