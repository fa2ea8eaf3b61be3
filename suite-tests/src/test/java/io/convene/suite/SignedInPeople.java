package io.convene.suite;

import org.junit.jupiter.api.BeforeAll;

/** Fresh tokens of the host, the participant and the compliance officer, for each test class. */
abstract class SignedInPeople {

    static String host;
    static String pablo;
    static String cora;

    @BeforeAll
    static void signIn() {
        host = ConveneSuite.tokenOf(Meetings.HOST);
        pablo = ConveneSuite.tokenOf(Meetings.PARTICIPANT);
        cora = ConveneSuite.tokenOf(Meetings.COMPLIANCE);
    }
}
