package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's compliance screens in a real Chromium, as the compliance officer: a leaver found in
 * the person picker, a legal hold placed (the erasure refused while it holds) and lifted, the
 * person erased — their export's ZIP checked gone from the blob store's folder, their rows erased —
 * and a recording deleted from the Recordings tab.
 */
class ComplianceConsoleIT {

    private static final By CONFIRM = By.cssSelector("vaadin-button[slot='confirm-button']");

    @Test
    void aComplianceOfficerFindsALeaverHoldsTheirDataReleasesItAndErasesThemExportAndAll() {
        ErasureBoundariesIT.Person nora = ErasureBoundariesIT.register("Nora Leaving");
        String meeting = Meetings.schedule(tokenOf(Meetings.HOST), Meetings.with(Meetings.draft("Farewell"), "invitees",
                List.of(nora.email()), "settings", Map.of("joinBeforeHost", true))).text("id");
        assertThat(api().post("/api/meetings/" + meeting + "/join", nora.token(), Map.of()).status()).isEqualTo(200);
        String said = api().post("/api/meetings/" + meeting + "/chat/send", nora.token(),
                Map.of("clientMessageId", "farewell-1", "text", "walnut-31 is where I kept the keys")).text("id");
        String export = ErasureBoundariesIT.exported(nora.token(), Map.of());
        String zip = ErasureBoundariesIT.exportBlobKey(export);
        assertThat(ErasureBoundariesIT.blob(zip)).exists();
        ErasureBoundariesIT.deactivate(nora);
        String typed = nora.email().substring(0, 18);
        By leaver = By.xpath("//vaadin-combo-box-item[contains(., '" + nora.email() + "') and contains(., '(deactivated)')]");
        By holds = By.id("legal-holds");

        try (Console console = Console.open(1280, 900).signIn(Meetings.COMPLIANCE, ConveneSuite.demoPassword())) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/compliance");
            click(console, tab("Legal holds"));
            search(console, "hold-person", typed);
            click(console, leaver);
            console.type(By.cssSelector("#hold-reason input"), "Tribunal case 88");
            click(console, By.id("hold-place"));
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(holds, "Tribunal case 88"));
            assertThat(console.browser.findElement(holds).getText()).contains(nora.email());
            assertThat(count("select count(*) from legal_holds where user_id = '" + nora.id() + "'")).isEqualTo(1);
            console.screenshot("compliance-hold-1280x900");

            click(console, tab("Data requests"));
            search(console, "privacy-person", typed);
            click(console, leaver);
            click(console, By.id("privacy-erase"));
            click(console, CONFIRM);
            console.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-notification-card[contains(., 'legal hold (Tribunal case 88)')]")));
            assertThat(count("select count(*) from users where id = '" + nora.id() + "' and email = '" + nora.email() + "'"))
                    .as("refused: nothing erased").isEqualTo(1);
            assertThat(count("select count(*) from audit_entries where action = 'privacy.erasure-refused' and target = 'user:"
                    + nora.id() + "'")).as("the refusal is kept in the audit trail").isEqualTo(1);
            assertThat(ErasureBoundariesIT.blob(zip)).exists();

            click(console, tab("Legal holds"));
            click(console, By.cssSelector("vaadin-button[aria-label='Release the hold on " + nora.name() + " <" + nora.email() + ">']"));
            click(console, CONFIRM);
            console.wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(holds, "Tribunal case 88")));
            assertThat(count("select count(*) from legal_holds where user_id = '" + nora.id() + "'")).isZero();

            click(console, tab("Data requests"));
            search(console, "privacy-person", typed);
            click(console, leaver);
            click(console, By.id("privacy-erase"));
            click(console, CONFIRM);
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Erasure certificate"));
            assertThat(console.browser.findElement(By.tagName("body")).getText()).contains("\"exports\":1");
            console.screenshot("compliance-erased-1280x900");
        }
        assertThat(ErasureBoundariesIT.blob(zip)).as("her export's ZIP is gone from the blob store").doesNotExist();
        assertThat(count("select count(*) from privacy_requests where id = '" + export + "' and blob_key is null")).isEqualTo(1);
        assertThat(count("select count(*) from users where id = '" + nora.id() + "' and email like 'erased-%@erased.invalid'"
                + " and name like 'Erased user %' and status = 'DISABLED'")).isEqualTo(1);
        assertThat(count("select count(*) from users where email = '" + nora.email() + "'")).isZero();
        assertThat(count("select count(*) from chat_messages where id = '" + said + "' and content = ''")).isEqualTo(1);
        assertThat(count("select count(*) from audit_entries a join users u on u.id = a.actor_user_id where u.email = '"
                + Meetings.COMPLIANCE + "' and a.target = 'user:" + nora.id() + "' and a.action in"
                + " ('privacy.hold-placed', 'privacy.hold-released', 'privacy.erased')")).isEqualTo(3);
    }

    @Test
    void aComplianceOfficerDeletesARecordingFromTheRecordingsTab() {
        String title = "Recorded " + java.util.UUID.randomUUID().toString().substring(0, 8);
        String meeting = Meetings.schedule(tokenOf(Meetings.HOST), Meetings.draft(title)).text("id");
        String recording = ErasureBoundariesIT.readyRecording(meeting, "READY", "1 hour");
        String file = ErasureBoundariesIT.recordingBlob(recording);
        assertThat(ErasureBoundariesIT.blob(file)).exists();
        By delete = By.id("recording-delete-" + recording);

        try (Console console = Console.open(1280, 900).signIn(Meetings.COMPLIANCE, ConveneSuite.demoPassword())) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/compliance");
            click(console, tab("Recordings"));
            console.wait.until(ExpectedConditions.attributeContains(delete, "aria-label", "of " + title));
            click(console, delete);
            click(console, CONFIRM);
            console.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-notification-card[contains(., 'Recording deleted')]")));
            console.wait.until(ExpectedConditions.invisibilityOfElementLocated(delete));
            assertThat(console.browser.findElement(By.id("recordings")).getText()).doesNotContain(title);
            console.screenshot("compliance-recordings-1280x900");
        }
        assertThat(count("select count(*) from recordings where id = '" + recording + "'")).isZero();
        assertThat(ErasureBoundariesIT.blob(file)).as("the WebM is gone from the blob store").doesNotExist();
        assertThat(count("select count(*) from audit_entries a join users u on u.id = a.actor_user_id where u.email = '"
                + Meetings.COMPLIANCE + "' and a.action = 'RECORDING_DELETED' and a.target = 'recording:" + recording + "'"))
                .isEqualTo(1);
    }

    /**
     * Types into a people picker, typed afresh if the tab's content was swapped under the browser
     * (a tab sheet attaches the chosen tab's content anew).
     */
    private static void search(Console console, String picker, String typed) {
        By input = By.cssSelector("#" + picker + " input");
        console.wait.until(ExpectedConditions.visibilityOfElementLocated(input));
        console.wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(input).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, typed);
            return true;
        });
    }

    /**
     * {@link Console#click}, found afresh when the element went stale under the browser: a tab
     * sheet attaches the chosen tab's content anew, and grids re-render their rows as they refresh.
     */
    private static void click(Console console, By element) {
        console.wait.until(ExpectedConditions.presenceOfElementLocated(element));
        console.wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class).until(d -> {
            WebElement e = d.findElement(element);
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
            e.click();
            return true;
        });
    }

    private static By tab(String name) {
        return By.xpath("//vaadin-tab[normalize-space(.)='" + name + "']");
    }
}
