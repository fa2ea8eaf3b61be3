package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.demoPassword;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The join page for employees: the invitation's link of a meeting that admits no guests leads a
 * browser that is not signed in straight to Keycloak's page (the page does authorization code with
 * PKCE itself), and back inside the meeting, where they chat; the API turns a guest away with its
 * reason. Headless Chromium with fake devices.
 */
class JoinPageIT extends SignedInPeople {

    @Test
    void anEmployeeSignsInFromTheLinkJoinsAndChats() {
        Reply meeting = schedule(host, with(draft("Staff only"), "settings", Map.of("joinBeforeHost", true)));
        String id = meeting.text("id");
        try (Console page = Console.withMedia()) {
            Reply crasher = api().post("/api/meetings/" + id + "/join", null, Map.of("joinToken",
                    meeting.text("joinUrl").replaceAll(".*[?&]t=([^&]*).*", "$1"), "displayName", "Gate Crasher"));
            assertThat(crasher.status()).as(crasher.toString()).isEqualTo(403);
            assertThat(crasher.text("detail")).containsIgnoringCase("guest");

            page.browser.get(meeting.text("joinUrl")); // no guests here: on to Keycloak's page without a click
            page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(PARTICIPANT);
            page.browser.findElement(By.id("password")).sendKeys(demoPassword());
            page.browser.findElement(By.id("kc-login")).click();
            page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "(you)")); // joined by itself
            assertThat(page.browser.getCurrentUrl()).as("the code left the address bar").doesNotContain("code=");
            page.click(By.id("tab-chat"));
            page.type(By.id("chat-text"), "Hello from the join page");
            page.click(By.cssSelector("#chat-form button"));
            page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "Hello from the join page"));
            page.screenshot("join-page-signed-in");
        }
        Reply chat = api().get("/api/meetings/" + id + "/chat/messages", tokenOf(PARTICIPANT));
        assertThat(chat.status()).as(chat.toString()).isEqualTo(200);
        assertThat(chat.raw()).contains("Hello from the join page");
    }
}
