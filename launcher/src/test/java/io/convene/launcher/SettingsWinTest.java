package io.convene.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the operator sets is what Convene gets: the launcher's own choices never overwrite it. */
class SettingsWinTest {

    @TempDir
    Path state;

    @ParameterizedTest
    @ValueSource(strings = {"convene.public-url", "convene.db.url", "convene.db.user", "convene.db.password",
        "convene.keycloak.url", "convene.keycloak.backend-client-secret", "convene.registration.enabled",
        "convene.blobs.dir", "convene.mail.host", "convene.mail.port"})
    void aSettingTheLauncherWouldChooseIsTheOperators(String key) {
        Suite suite = Suite.of(SuiteSettings.forTests(state, state).withMail("127.0.0.1", 2525), 1);
        String launchers = suite.applicationConfig().get(key);
        String operators = key.equals("convene.public-url") ? "https://meet.example.com" : "operator-" + key;
        System.setProperty(key, operators);
        try {
            Map<String, String> config = suite.applicationConfig();
            assertThat(config.get(key)).as("the launcher would have said " + launchers).isEqualTo(operators);
            assertThat(config).as("the rest stays the launcher's").containsEntry("convene.blobs.dir".equals(key)
                    ? "convene.public-url" : "convene.blobs.dir", suite.applicationConfig().get("convene.blobs.dir".equals(key)
                    ? "convene.public-url" : "convene.blobs.dir"));
        } finally {
            System.clearProperty(key);
        }
        assertThat(suite.applicationConfig().get(key)).isEqualTo(launchers);
    }

    @Test
    void thePublicAddressIsWhatPeopleAreSentToAndKeycloakIsTold() {
        SuiteSettings settings = SuiteSettings.forTests(state, state);
        assertThat(settings.publicUrl()).isEqualTo(settings.httpUrl());
        System.setProperty("convene.public-url", "https://meet.example.com/");
        try {
            assertThat(settings.publicUrl()).isEqualTo("https://meet.example.com");
            assertThat(Suite.of(settings, 1).applicationConfig()).containsEntry("convene.public-url", "https://meet.example.com");
        } finally {
            System.clearProperty("convene.public-url");
        }
    }

    @Test
    void theDatabasePoolIsSizedAndBoundedAsTheOperatorSaysAndNonsenseIsRefused() {
        assertThat(String.join("\n", DatabaseResources.commands())).contains("--steadypoolsize 2 --maxpoolsize 32 ");
        assertThat(DatabaseResources.commands().get(0)).contains(":socketTimeout=60 ");
        System.setProperty("convene.db.pool-min", "5");
        System.setProperty("convene.db.pool-max", "48");
        System.setProperty("convene.db.socket-timeout", "20");
        try {
            String pool = DatabaseResources.commands().get(0);
            assertThat(pool).contains("--steadypoolsize 5 --maxpoolsize 48 ", ":socketTimeout=20 ")
                    .as("the address and credentials stay names, resolved when connecting")
                    .contains("url=${MPCONFIG=convene.db.url}", "password=${MPCONFIG=convene.db.password}");
            System.setProperty("convene.db.pool-min", "50");
            assertThatThrownBy(DatabaseResources::commands).hasMessageContaining("convene.db.pool-min (50)")
                    .hasMessageContaining("convene.db.pool-max (48)");
            System.setProperty("convene.db.pool-min", "many");
            assertThatThrownBy(DatabaseResources::commands).hasMessage("convene.db.pool-min must be a whole number, not \"many\"");
        } finally {
            System.clearProperty("convene.db.pool-min");
            System.clearProperty("convene.db.pool-max");
            System.clearProperty("convene.db.socket-timeout");
        }
    }

    @Test
    void helpListsTheSettingsAndStartsNothing() throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[] {"--help"});
        } finally {
            System.setOut(before);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("Usage: java -jar convene-launcher.jar")
                .contains("convene.public-url", "convene.http.port", "convene.payara.heap", "CONVENE_PUBLIC_URL");
        assertThat(state.resolve("secrets.properties")).as("nothing was started or made").doesNotExist();
    }

    @Test
    void keycloaksAddressListsAreReadAsKeycloakWritesThem() {
        String client = "[{\"id\":\"5f1c\",\"clientId\":\"convene-join\",\"redirectUris\":[\"http://127.0.0.1:8080/join/*\","
                + "\"http://127.0.0.1:8080/home\"],\"webOrigins\":[],\"protocolMappers\":[{\"id\":\"9a\"}]}]";
        assertThat(KeycloakAddresses.strings(client, "redirectUris"))
                .containsExactly("http://127.0.0.1:8080/join/*", "http://127.0.0.1:8080/home");
        assertThat(KeycloakAddresses.strings(client, "webOrigins")).isEmpty();
        assertThat(KeycloakAddresses.strings(client, "nothing")).isEmpty();
    }
}
