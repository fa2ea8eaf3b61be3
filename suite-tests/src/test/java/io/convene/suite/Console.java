package io.convene.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, named explicitly
 * so Selenium Manager never downloads anything) signed in to the console through Keycloak's page.
 */
final class Console implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("convene.test.state.dir")).getParent().resolve("screenshots");

    final WebDriver browser;
    final WebDriverWait wait;

    private Console(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    static Console open(int width, int height, String... more) {
        return openWith(width, height, java.util.Map.of(), more);
    }

    /** @param experimental Chromium's own options by name (e.g. {@code prefs}, {@code mobileEmulation}) */
    private static Console openWith(int width, int height, java.util.Map<String, Object> experimental, String... more) {
        ChromeOptions options = new ChromeOptions();
        experimental.forEach(options::setExperimentalOption);
        options.setBinary(System.getProperty("convene.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run");
        options.addArguments(more);
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL); // CSP violations land here
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("convene.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        return new Console(new ChromeDriver(service, options));
    }

    /**
     * Frames a second of the fake camera of a browser with media: video that visibly flows, light
     * enough that four browsers sending and receiving it on two cores still answer a click at once
     * (at Chromium's default of 20, each click of a breakout test waited 10 to 20 s for a renderer).
     */
    static final int CAMERA_FPS = 5;

    /**
     * A browser with a camera and a microphone (Chromium's fake devices: a moving picture at
     * {@link #CAMERA_FPS} and a beep), asked no questions, that may use WebRTC between interfaces of this host.
     */
    static Console withMedia() {
        return withMedia(CAMERA_FPS);
    }

    /** The same with a camera of {@code fps} frames a second. */
    static Console withMedia(int fps) {
        return open(1000, 800, media(fps));
    }

    /** A browser with media, as above, that saves what it downloads into {@code folder}. */
    static Console withMediaDownloadingTo(Path folder) {
        return openWith(1000, 800, java.util.Map.of("prefs", java.util.Map.of("download.default_directory", folder.toString(),
                "download.prompt_for_download", false)), MEDIA);
    }

    /**
     * A phone (a 375 by 740 CSS pixel screen, emulated: a desktop window is never that narrow) with
     * media, whose person reads German.
     */
    static Console phoneInGerman() {
        return openWith(500, 800, java.util.Map.of("prefs", java.util.Map.of("intl.accept_languages", "de-DE,de"),
                "mobileEmulation", java.util.Map.of("deviceMetrics", java.util.Map.of("width", 375, "height", 740,
                        "pixelRatio", 2.0))), MEDIA);
    }

    static final String[] MEDIA = media(CAMERA_FPS);

    private static String[] media(int fps) {
        return new String[] {"--use-fake-device-for-media-stream=fps=" + fps, "--use-fake-ui-for-media-stream",
                "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
                "--auto-accept-this-tab-capture", "--auto-select-desktop-capture-source=Entire screen",
                "--disable-features=WebRtcHideLocalIpsWithMdns"};
    }

    /** Runs a script in the page (async: it may await; what it returns comes back). */
    Object script(String body) {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "(async () => {" + body + "})().then(done, e => done('error: ' + e));");
    }

    /** Opens {@code /admin/} and signs in on Keycloak's page as {@code email}. */
    Console signIn(String email, String password) {
        return signIn(ConveneSuite.get().settings().httpUrl(), email, password);
    }

    /** The same on the server at {@code baseUrl} (the EAR on Payara Server). */
    Console signIn(String baseUrl, String email, String password) {
        browser.get(baseUrl + "/admin/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().contains("/admin"));
        return this;
    }

    /**
     * Clicks once the element is there, scrolled to the middle of its scrolling container first (the
     * layout scrolls, not the window), waiting as a person would while a toast covers it.
     */
    void click(By element) {
        wait.until(ExpectedConditions.presenceOfElementLocated(element));
        wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                    org.openqa.selenium.WebElement e = d.findElement(element); // found again: live pages rebuild
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
                    e.click();
                    return true;
                });
    }

    /** The text of each element the CSS selector finds, read in one step in the page (nothing goes stale). */
    @SuppressWarnings("unchecked")
    java.util.List<String> texts(String css) {
        return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim());", css);
    }

    /** Replaces a text field's value with {@code text}, as a person typing. */
    void type(By input, String text) {
        org.openqa.selenium.WebElement e = wait.until(ExpectedConditions.visibilityOfElementLocated(input));
        e.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        e.sendKeys(text, org.openqa.selenium.Keys.TAB);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the browser refused to run or load because of the page's content security policy, so far. */
    java.util.List<String> contentSecurityViolations() {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    /** What the page says and where it is, and what its console logged: for a test that waited in vain. */
    String describe() {
        try {
            return browser.getCurrentUrl() + " | problem: " + texts("#join-problem, #status") + " | console: "
                    + browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                    .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
        } catch (RuntimeException e) {
            return "(the page could not be read: " + e + ")";
        }
    }

    String cookie(String name) {
        return browser.manage().getCookieNamed(name).getValue();
    }

    @Override
    public void close() {
        browser.quit();
    }
}
