package nl.verzuimhub.server.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import nl.verzuimhub.server.dashboard.login.Base32;
import nl.verzuimhub.server.dashboard.login.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver: both paths are given, so Selenium Manager never
 * downloads anything. Each browser gets a fresh profile directory, deleted again when the browser quits.
 */
public final class Browser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    public static ChromeDriver start() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options) {
            @Override
            public void quit() {
                super.quit();
                deleteProfile(profile);
            }
        };
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static void deleteProfile(Path profile) {
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a profile left behind in the temporary directory is harmless
        }
    }

    /**
     * Opens {@code start} (a page behind the login), fills in the login page it is sent to with the password and the
     * TOTP code of this moment, and waits until the browser has left the login page.
     */
    public static void logIn(WebDriver browser, String base, String start, String username, String password,
                             String totpSecret) {
        browser.get(base + start);
        awaitUrl(browser, url -> url.equals(base + "/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("code")).sendKeys(Totp.code(Base32.decode(totpSecret), Instant.now()));
        clickAndAwaitNextPage(browser, By.id("login"));
        awaitUrl(browser, url -> !url.startsWith(base + "/login"));
    }

    /**
     * Clicks what leaves the page (a form's submit button, a link) and waits until another page replaced this one: on
     * a loaded machine the click can return before the navigation it starts has begun, and reading the page at once
     * would read the old one.
     */
    public static void clickAndAwaitNextPage(WebDriver browser, By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> isGone(page));
    }

    /**
     * Whether {@code element} left the document. Chromium sometimes answers a question about a node of a page that
     * is being replaced with "Node with given id does not belong to the document" instead of a stale-element error:
     * that means gone as well.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Waits for the browser to arrive where {@code arrived} says. A click that submits a form can return before the
     * navigation it starts has begun (seen on a loaded CI machine), and the login goes through several redirects.
     */
    public static void awaitUrl(WebDriver browser, Predicate<String> arrived) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> arrived.test(d.getCurrentUrl()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the browser stayed at " + browser.getCurrentUrl() + " (title \""
                    + browser.getTitle() + "\")", e);
        }
    }

    /** The text of the element {@code css} names, waiting up to 10 s for it to appear (the page may still load). */
    public static String text(WebDriver browser, String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> css + " not found at " + browser.getCurrentUrl())
                .until(d -> d.findElement(By.cssSelector(css)).getText().trim());
    }

    public static List<String> texts(WebDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getText().trim()).toList();
    }
}
