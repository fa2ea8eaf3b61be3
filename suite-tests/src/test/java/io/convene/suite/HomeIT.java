package io.convene.suite;

import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.demoPassword;
import static io.convene.suite.ConveneSuite.text;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.suite.ErasureBoundariesIT.Person;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The employees' home page in Chromium against the whole suite: a host schedules a meeting with two
 * colleagues (found by typing their names) and a partner's address, seeing first that she is busy at
 * the time she picked and taking the free slot Convene suggests; bad input gets messages under its
 * fields and writes nothing; the invitees find the meeting in their own lists and answer, and the
 * host reads the answers; an invitee joins from the list with one click.
 */
class HomeIT extends SignedInPeople {

    private static final String INVITEE_PASSWORD = "Boundary-pass-1"; // ErasureBoundariesIT.register's

    @Test
    void aHostSchedulesFromHomeAndTheInviteesAnswerFromTheirs() {
        Person ines = ErasureBoundariesIT.register("Ines Invitee");
        Person ivo = ErasureBoundariesIT.register("Ivo Invitee");
        try (Console hana = Console.open(1200, 900)) {
            signInAtHome(hana, HOST, demoPassword());
            hana.click(By.cssSelector("#nav a[href='/home/schedule']"));
            hana.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Schedule a meeting"));
            ZoneId zone = ZoneId.of(hana.browser.findElement(By.id("time-zone")).getAttribute("value"));

            long hers = count("select count(*) from meetings m join users u on u.id = m.host_id where u.email = '" + HOST + "'");
            setDateAndTime(hana, LocalDate.now(zone).minusDays(1), LocalTime.of(9, 0));
            hana.click(By.id("schedule-save"));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title-error"), "must not be blank"));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("start-error"), "must not be in the past"));
            assertThat(count("select count(*) from meetings m join users u on u.id = m.host_id where u.email = '" + HOST + "'"))
                    .as("nothing written").isEqualTo(hers);

            // she already holds an hour tomorrow; the form says so and offers the time after it
            LocalDateTime taken = LocalDate.now(zone).plusDays(1).atTime(1 + ThreadLocalRandom.current().nextInt(18), 5);
            schedule(host, with(draft("Budget review"), "start", taken.toString(), "end", taken.plusHours(1).toString(),
                    "timeZone", zone.getId(), "invitees", List.of()));
            hana.type(By.id("title"), "Design sync");
            hana.type(By.id("agenda"), "1. Mock-ups\n2. Decisions");
            hana.browser.findElement(By.cssSelector("#duration option[value='45']")).click();
            setDateAndTime(hana, taken.toLocalDate(), taken.toLocalTime().plusMinutes(15));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("busy"), "You: Budget review"));
            MeetingRoomIT.audit(hana, "schedule form with the busy times");
            hana.click(By.cssSelector("#suggestions button"));
            hana.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("all-free")));
            LocalDateTime chosen = taken.plusHours(1);
            assertThat(hana.browser.findElement(By.id("time")).getAttribute("value")).isEqualTo(chosen.toLocalTime().toString());

            invite(hana, "Ines", Keys.ENTER);
            invite(hana, "Ivo", null);
            hana.type(By.id("invitee-search"), "partner@example.org");
            hana.browser.findElement(By.id("invitee-search")).sendKeys(Keys.ENTER);
            hana.wait.until(d -> hana.texts("#invitees li").size() == 3);
            assertThat(String.join("\n", hana.texts("#invitees li"))).contains(ines.email(), ivo.email(), "partner@example.org");

            hana.click(By.id("record-on-start"));
            hana.click(By.id("schedule-save"));
            hana.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Design sync"));
            String id = hana.browser.getCurrentUrl().replaceAll(".*/home/meetings/", "");
            assertThat(text("select (starts_at = '" + chosen.atZone(zone).toInstant() + "' and ends_at = '"
                    + chosen.plusMinutes(45).atZone(zone).toInstant() + "' and agenda = '1. Mock-ups\n2. Decisions'"
                    + " and record_on_start)::text"
                    + " from meetings where id = '" + id + "'")).isEqualTo("true");
            assertThat(count("select count(*) from participations where meeting_id = '" + id + "' and invited_at is not null"))
                    .isEqualTo(3);
            EmailInvitesIT.Invite invite = EmailInvitesIT.awaitInvites(ines.email(), id + "@convene", 1).get(0);
            assertThat(invite.method()).isEqualTo("REQUEST");
            assertThat(invite.event("SUMMARY")).isEqualTo("Design sync");

            answer(ines, "Design sync", "accepted");
            answer(ivo, "Design sync", "declined");
            assertThat(text("select string_agg(u.name || '=' || p.answer, ',' order by u.name) from participations p"
                    + " join users u on u.id = p.user_id where p.meeting_id = '" + id + "' and p.answer is not null"))
                    .isEqualTo("Ines Invitee=ACCEPTED,Ivo Invitee=DECLINED");

            hana.browser.navigate().refresh(); // signed in to Keycloak: back on the same screen without a click
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("answers"), "Ivo Invitee"));
            assertThat(hana.texts("#answers li")).contains("Ines Invitee — Accepted", "Ivo Invitee — Declined",
                    "partner@example.org — No answer yet");
            MeetingRoomIT.audit(hana, "meeting's details with the answers");
            assertThat(hana.contentSecurityViolations()).isEmpty();
        }
    }

    @Test
    void anInviteeJoinsFromTheirListWithOneClick() {
        Person ida = ErasureBoundariesIT.register("Ida Attendee");
        String admin = ConveneSuite.tokenOf(Meetings.ADMIN);
        String id = schedule(admin, with(draft("Stand-up"), "invitees", List.of(ida.email()),
                "settings", Map.of("joinBeforeHost", true))).text("id");
        Reply hostIn = ConveneSuite.api().post("/api/meetings/" + id + "/join", admin, Map.of()); // live: its join button is open
        assertThat(hostIn.status()).as(hostIn.toString()).isEqualTo(200);
        try (Console page = Console.withMedia()) {
            signInAtHome(page, ida.email(), INVITEE_PASSWORD);
            By join = By.cssSelector("#upcoming [data-meeting-id='" + id + "'] button.join");
            page.wait.until(ExpectedConditions.elementToBeClickable(join));
            page.click(join);
            page.wait.withMessage(page::describe)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "(you)"));
            assertThat(text("select (joined_at is not null and left_at is null)::text from participations"
                    + " where meeting_id = '" + id + "' and user_id = '" + ida.id() + "'")).isEqualTo("true");
        }
    }

    @Test
    void theInboxShowsANotificationAsItArrivesAndKeepsWhatReachesOneWhere() {
        Person nell = ErasureBoundariesIT.register("Nell Notified");
        try (Console page = Console.open(1000, 800)) {
            signInAtHome(page, nell.email(), INVITEE_PASSWORD);
            page.click(By.id("nav-inbox"));
            page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notifications"), "No notifications."));
            page.wait.until(ExpectedConditions.elementSelectionStateToBe(By.id("pref-EMAIL-REMINDERS"), true));

            String id = schedule(host, with(draft("Inbox check"), "invitees", List.of(nell.email()))).text("id");
            By arrived = By.cssSelector("#notifications [data-notification-id]");
            page.wait.withMessage(page::describe).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notifications"),
                    "Inbox check"));
            page.wait.until(ExpectedConditions.textToBe(By.id("unread"), "1"));
            MeetingRoomIT.audit(page, "inbox with its preferences");
            String notification = page.browser.findElement(arrived).getAttribute("data-notification-id");
            assertThat(text("select meeting_id from notifications where id = '" + notification + "'")).isEqualTo(id);

            page.click(By.cssSelector("#notifications [data-notification-id] button"));
            page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("unread")));
            assertThat(count("select count(*) from notifications where id = '" + notification + "' and read_at is not null"))
                    .isEqualTo(1);

            page.click(By.id("pref-EMAIL-REMINDERS"));
            page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "no longer reach you by E-mail"));
            assertThat(count("select count(*) from notification_choices where user_id = '" + nell.id()
                    + "' and channel = 'EMAIL' and topic = 'REMINDERS' and not wanted")).isEqualTo(1);
            page.browser.navigate().refresh();
            page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notifications"), "Inbox check"));
            page.wait.until(ExpectedConditions.elementSelectionStateToBe(By.id("pref-IN_APP-REMINDERS"), true));
            assertThat(page.browser.findElement(By.id("pref-EMAIL-REMINDERS")).isSelected()).isFalse();
        }
    }

    @Test
    void aPersonRenamesThemselvesAndDownloadsTheirDataFromHome() throws Exception {
        Person pia = ErasureBoundariesIT.register("Pia Private");
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("home-export");
        try (Console page = Console.withMediaDownloadingTo(folder)) {
            signInAtHome(page, pia.email(), INVITEE_PASSWORD);
            page.click(By.id("nav-profile"));
            page.wait.until(ExpectedConditions.attributeToBe(By.id("profile-name"), "value", "Pia Private"));
            MeetingRoomIT.audit(page, "profile, calendars and data screen");
            page.type(By.id("profile-name"), " ");
            page.click(By.id("profile-save"));
            page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("name-error"), "must not be blank"));
            assertThat(text("select name from users where id = '" + pia.id() + "'")).as("nothing written").isEqualTo("Pia Private");
            page.type(By.id("profile-name"), "Pia Profiled");
            page.click(By.id("profile-save"));
            page.wait.until(ExpectedConditions.textToBe(By.id("who"), "Pia Profiled"));
            assertThat(text("select name from users where id = '" + pia.id() + "'")).isEqualTo("Pia Profiled");

            // a picture: a file that is no image is refused under the field, and nothing is kept
            java.nio.file.Path notAnImage = folder.resolve("holiday.png");
            java.nio.file.Files.writeString(notAnImage, "these are notes, not a picture");
            page.browser.findElement(By.id("picture-file")).sendKeys(notAnImage.toString());
            page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("picture-error"), "must be a PNG, JPEG or GIF image"));
            assertThat(ConveneSuite.count("select count(*) from profile_pictures where user_id = '" + pia.id() + "'")).isZero();
            // a photo, wider than high: kept as a small square PNG, shown on the profile and beside the name
            java.nio.file.Path photo = folder.resolve("pia.jpg");
            java.awt.image.BufferedImage wide = new java.awt.image.BufferedImage(900, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = wide.createGraphics();
            g.setColor(new java.awt.Color(200, 40, 40));
            g.fillRect(0, 0, 900, 600);
            g.dispose();
            javax.imageio.ImageIO.write(wide, "jpg", photo.toFile());
            page.browser.findElement(By.id("picture-file")).sendKeys(photo.toString());
            page.wait.until(d -> Long.valueOf(256).equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const i = document.getElementById('profile-picture'); return i.hidden ? 0 : i.naturalWidth;")));
            page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who-picture")));
            assertThat(page.browser.findElement(By.id("picture-error")).getText()).isEmpty();
            assertThat(text("select profile_picture_url from users where id = '" + pia.id() + "'"))
                    .startsWith("/api/users/" + pia.id() + "/picture?v=");
            java.net.http.HttpResponse<byte[]> seen = ConveneSuite.api().getBytes("/api/users/" + pia.id() + "/picture", pablo);
            assertThat(seen.statusCode()).as("a colleague sees it").isEqualTo(200);
            assertThat(seen.headers().firstValue("Content-Type")).contains("image/png");
            java.awt.image.BufferedImage kept = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(seen.body()));
            assertThat(kept.getWidth()).isEqualTo(256);
            assertThat(kept.getHeight()).isEqualTo(256);
            assertThat(new java.awt.Color(kept.getRGB(128, 128)).getRed()).isGreaterThan(150);

            // German from now on, whatever the browser says
            page.browser.findElement(By.cssSelector("#profile-language option[value='de']")).click();
            page.click(By.id("profile-save"));
            page.wait.until(ExpectedConditions.textToBe(By.id("nav-profile"), "Profil und Daten"));
            assertThat(text("select language from users where id = '" + pia.id() + "'")).isEqualTo("de");
            page.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Ihr Profil und Ihre Daten"));

            page.click(By.id("export-mine"));
            page.wait.withMessage(page::describe).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#exports button.download")));
            assertThat(page.browser.findElement(By.cssSelector("#exports button.download")).getText()).isEqualTo("Herunterladen");
            assertThat(page.browser.findElement(By.cssSelector("#exports progress")).getAttribute("value")).isEqualTo("100");
            page.click(By.cssSelector("#exports button.download"));
            java.nio.file.Path zip = Eventually.get(() -> {
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
                    return files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElse(null);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, found -> found != null, java.time.Duration.ofSeconds(30));
            try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
                String profile = new String(file.getInputStream(file.stream().filter(e -> e.getName().equals("profile.json"))
                        .findFirst().orElseThrow()).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(profile).contains("Pia Profiled", pia.email());
                assertThat(file.getEntry("profile-picture.png")).as("the picture is theirs too").isNotNull();
            }

            page.click(By.id("picture-remove"));
            page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("profile-picture")));
            assertThat(ConveneSuite.count("select count(*) from profile_pictures where user_id = '" + pia.id() + "'")).isZero();
            assertThat(ConveneSuite.api().get("/api/users/" + pia.id() + "/picture", pablo).status()).isEqualTo(404);
        }
    }

    @Test
    void forgotPasswordSendsKeycloaksResetMailAndTheNewPasswordWorks() {
        Person fern = ErasureBoundariesIT.register("Fern Forgetful");
        try (Console page = Console.open(1000, 800)) {
            page.browser.get(ConveneSuite.get().settings().httpUrl() + "/home");
            page.click(By.linkText("Forgot Password?"));
            page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(fern.email());
            page.click(By.id("kc-form-buttons"));
            String link = Eventually.get(() -> resetLink(fern.email()), found -> found != null, java.time.Duration.ofSeconds(30));
            page.browser.get(link);
            page.wait.withMessage(() -> page.browser.getTitle() + ": " + page.texts("body"))
                    .until(d -> !d.findElements(By.id("password-new")).isEmpty()
                    || !d.findElements(By.partialLinkText("Click here")).isEmpty());
            if (page.browser.findElements(By.id("password-new")).isEmpty()) {
                page.click(By.partialLinkText("Click here"));
            }
            page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))).sendKeys("Renewed-pass-2");
            page.browser.findElement(By.id("password-confirm")).sendKeys("Renewed-pass-2");
            page.click(By.id("kc-submit"));
            page.wait.withMessage(page::describe).until(d -> d.getCurrentUrl().contains("/home")
                    && page.texts("#who").stream().anyMatch(name -> !name.isEmpty()));
        }
        assertThat(ConveneSuite.api().post("/api/users/login", null, Map.of("email", fern.email(), "password", "Renewed-pass-2"))
                .status()).isEqualTo(200);
        assertThat(ConveneSuite.api().post("/api/users/login", null, Map.of("email", fern.email(), "password", INVITEE_PASSWORD))
                .status()).isEqualTo(401);
    }

    @Test
    void aPersonChangesTheirPasswordThroughKeycloakFromTheirProfile() {
        Person cleo = ErasureBoundariesIT.register("Cleo Changer");
        try (Console page = Console.open(1000, 800)) {
            signInAtHome(page, cleo.email(), INVITEE_PASSWORD);
            page.click(By.id("nav-profile"));
            page.click(By.id("change-password"));
            page.wait.withMessage(() -> page.browser.getTitle() + ": " + page.texts("body"))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))).sendKeys("Changed-pass-3");
            page.browser.findElement(By.id("password-confirm")).sendKeys("Changed-pass-3");
            page.click(By.id("kc-submit"));
            page.wait.withMessage(page::describe).until(d -> d.getCurrentUrl().contains("/home/profile")
                    && page.texts("#who").stream().anyMatch(name -> !name.isEmpty()));
        }
        assertThat(ConveneSuite.api().post("/api/users/login", null, Map.of("email", cleo.email(), "password", "Changed-pass-3"))
                .status()).isEqualTo(200);
        assertThat(ConveneSuite.api().post("/api/users/login", null, Map.of("email", cleo.email(), "password", INVITEE_PASSWORD))
                .status()).isEqualTo(401);
    }

    /** The link in Keycloak's reset mail to {@code email}, once it arrived. */
    private static String resetLink(String email) {
        try {
            return linkIn(email);
        } catch (Exception e) {
            throw new AssertionError("Unreadable mail: " + e, e);
        }
    }

    private static String linkIn(String email) throws Exception {
        for (jakarta.mail.internet.MimeMessage m : ConveneSuite.smtp().getReceivedMessages()) {
            if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(email))
                    && m.getSubject().toLowerCase().contains("reset password")) { // not Keycloak's verify-email mail
                java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^\\s\"<>]*login-actions/action-token[^\\s\"<>]*")
                        .matcher(body(m));
                if (link.find()) {
                    return link.group().replace("&amp;", "&");
                }
            }
        }
        return null;
    }

    private static String body(jakarta.mail.Part part) throws Exception {
        if (part.getContent() instanceof jakarta.mail.Multipart multi) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(body(multi.getBodyPart(i)));
            }
            return all.toString();
        }
        return String.valueOf(part.getContent());
    }

    /** Opens the home page and signs in on Keycloak's page. */
    static void signInAtHome(Console page, String email, String password) {
        page.browser.get(ConveneSuite.get().settings().httpUrl() + "/home");
        page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(email);
        page.browser.findElement(By.id("password")).sendKeys(password);
        page.browser.findElement(By.id("kc-login")).click();
        page.wait.withMessage(page::describe).until(d -> page.texts("#who").stream().anyMatch(name -> !name.isEmpty()));
    }

    /** The native date and time fields, set as their pickers do (the value, then a change event). */
    static void setDateAndTime(Console page, LocalDate date, LocalTime time) {
        page.script("for (const [id, v] of [['date', '" + date + "'], ['time', '" + time + "']]) {"
                + " const f = document.getElementById(id); f.value = v; f.dispatchEvent(new Event('change')); } return true;");
    }

    /** Types part of a name into the invitee search and takes the first person found (Enter, or a click). */
    static void invite(Console page, String typed, Keys key) {
        org.openqa.selenium.WebElement search = page.browser.findElement(By.id("invitee-search"));
        search.sendKeys(typed);
        page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invitee-options"), typed));
        if (key != null) {
            search.sendKeys(key);
        } else {
            page.click(By.cssSelector("#invitee-options [role='option']"));
        }
        page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invitees"), typed));
    }

    /** The invitee finds the meeting in their own list (its join button closed until 10 minutes before) and answers. */
    private static void answer(Person person, String title, String answer) {
        try (Console page = Console.open(1000, 800)) {
            signInAtHome(page, person.email(), INVITEE_PASSWORD);
            page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upcoming"), title));
            assertThat(page.browser.findElement(By.cssSelector("#upcoming li button.join")).isEnabled()).isFalse();
            page.click(By.linkText(title));
            page.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
            page.click(By.id("answer-" + answer));
            page.wait.until(ExpectedConditions.attributeToBe(By.id("answer-" + answer), "aria-pressed", "true"));
        }
    }
}
