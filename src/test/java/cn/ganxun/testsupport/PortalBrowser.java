package cn.ganxun.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for portal tests, driven by Selenium through Debian's chromedriver (no browser download).
 * Register with {@code @RegisterExtension static final PortalBrowser browser = new PortalBrowser();} in a
 * {@code @GanxunTest(webEnvironment = RANDOM_PORT)} class. One browser per test class; cookies are cleared before
 * each test. Without a browser on the machine the class is skipped with a message saying so — unless
 * {@code GANXUN_REQUIRE_BROWSER=true} (set by {@code .ci/run}) or {@code -Dganxun.requireBrowser=true}, where a
 * missing browser fails the run. Screenshots go to
 * {@code target/screenshots/<TestClass>-<name>.png}, and one is taken of the page when a test fails.
 */
public final class PortalBrowser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        TestExecutionExceptionHandler {

    static final Path CHROMIUM = Path.of(System.getProperty("ganxun.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ganxun.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // generous: a loaded 2-core machine may take long over a page with many figures
    private static final Duration WAIT = Duration.ofSeconds(60);

    private WebDriver driver;
    private String testClass = "test";
    private String testName = "test";

    @Override
    public void beforeAll(ExtensionContext context) {
        testClass = context.getRequiredTestClass().getSimpleName();
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Browser tests of " + testClass + " need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
            if (Boolean.getBoolean("ganxun.requireBrowser") || "true".equals(System.getenv("GANXUN_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message + " — required here (GANXUN_REQUIRE_BROWSER=true, as in CI)");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort("SKIPPED for want of a browser: " + message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN", "--user-data-dir=" + profileDir()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testName = context.getRequiredTestMethod().getName();
        if (driver != null) {
            driver.manage().deleteAllCookies();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (driver != null) {
            try {
                screenshot(testName + "-failed");
            } catch (RuntimeException ignored) {
                // the failure itself is what matters
            }
        }
        throw throwable;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Logs in through the portal's login page (password = login for the demo accounts) and waits for the home page. */
    public void login(int port, String user) {
        login(port, user, user);
    }

    public void login(int port, String user, String password) {
        driver.get(url(port, "/portal/login.html"));
        waitFor("#username").sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().contains("login.html"));
        waitFor("[data-user='" + user + "']");
    }

    public void open(int port, String path) {
        driver.get(url(port, path));
    }

    /** Waits until an element matching the CSS selector is visible and returns it. */
    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element's text contains the given text. */
    public WebElement waitForText(String css, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Saves a PNG of the current page as a test artefact and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(testClass + "-" + name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name + " failed", e);
        }
    }

    private static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    private static String profileDir() {
        try {
            return Files.createTempDirectory("ganxun-chromium-").toString();
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for the browser profile", e);
        }
    }
}
