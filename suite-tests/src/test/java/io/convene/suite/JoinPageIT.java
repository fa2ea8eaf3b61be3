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
 * The join page for employees: from the invitation's link they sign in on Keycloak's page (the page
 * does authorization code with PKCE itself), join a meeting that admits no guests, and chat; a
 * guest is turned away with the API's reason on the page. Headless Chromium with fake devices.
 */
class JoinPageIT extends SignedInPeople {

    @Test
    void anEmployeeSignsInFromTheLinkJoinsAndChats() {
        Reply meeting = schedule(host, with(draft("Staff only"), "settings", Map.of("joinBeforeHost", true)));
        String id = meeting.text("id");
        try (Console page = Console.withMedia()) {
            page.browser.get(meeting.text("joinUrl"));
            page.type(By.id("display-name"), "Gate Crasher");
            page.click(By.id("join"));
            page.wait.until(ExpectedConditions.textMatches(By.id("join-problem"), java.util.regex.Pattern.compile(".*[Gg]uest.*")));

            page.click(By.id("sign-in"));
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
