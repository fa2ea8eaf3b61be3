package io.convene.launcher;

/** How the Payara JVMs that the launcher starts (Micro, and the container image's) find JSON-P. */
final class JsonProcessing {

    /**
     * JSON-P's provider named to the JVM. Unnamed, every {@code Json.createReader} and its kin look the
     * provider up among all jars' service files; Payara's bearer-token check makes several such calls
     * per request (8 % of Payara's CPU in a profile of the REST mix). Payara's JSON-P reads the name
     * once, when it is first used.
     */
    static final String NAMED_PROVIDER = "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";

    private JsonProcessing() {
    }
}
