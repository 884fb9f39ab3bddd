package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages a person opens, as a person sees them: Debian's Chromium (headless, driven by its
 * chromedriver) loads /docs and /console from a live pipeline; the test reads the DOM, fails on
 * any error the page logs, and saves screenshots under target/screenshots. Also: the contract's
 * operations are exactly the routes the server has.
 */
class WebPagesIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final PipelineExtension pipeline = PipelineExtension.with();
    private static final ApiClient api = pipeline.api();

    @Test
    void theContractDescribesExactlyTheRoutesTheServerHas() {
        assertEquals(pipeline.apiRoutes(), ApiContract.DOCUMENT.operations());
    }

    @Test
    void theServedContractIsTheDocument() {
        assertEquals(ApiContract.DOCUMENT.document(), api.get("/openapi.json").json());
    }

    @Test
    void theReferencePageShowsEveryOperation(@TempDir Path profile) throws Exception {
        try (Browser browser = Browser.start(profile)) {
            browser.driver.get(pipeline.apiUri() + "/docs");
            int operations = ApiContract.DOCUMENT.operations().size();
            new WebDriverWait(browser.driver, PAGE_TIMEOUT).until(d -> d.findElements(By.cssSelector(".opblock")).size() == operations);
            assertTrue(browser.driver.findElements(By.cssSelector(".errors-wrapper")).isEmpty(), "Swagger UI reports errors in the document");
            browser.screenshot("docs.png");
            browser.assertNoErrors();
        }
    }

    @Test
    void theConsoleDrawsLiveChartsAndAResultWithItsPlot(@TempDir Path profile) throws Exception {
        // Traffic while the page watches: new analyses (computed) and repeats (answered from the store).
        try (BackgroundTraffic traffic = new BackgroundTraffic(api, Duration.ofMillis(50),
                i -> "{\"type\":\"ttest_one_sample\",\"data\":[1,2,3," + i + "],\"mu\":0}",
                "{\"type\":\"ttest_one_sample\",\"data\":[1,2,3,4],\"mu\":0}");
             Browser browser = Browser.start(profile)) {
            browser.driver.get(pipeline.apiUri() + "/console");
            WebDriverWait wait = new WebDriverWait(browser.driver, PAGE_TIMEOUT);
            wait.until(d -> points(d, "chart-throughput") >= 3 && points(d, "chart-latency") >= 1);
            assertTrue(browser.driver.findElements(By.cssSelector("#routes tbody tr")).size() > 0, "no route in the requests table");
            browser.screenshot("console.png");

            // A result by key, with the plot of its type: Tukey's intervals from the result alone,
            // and the tested table for chi-square, whose request the hot list knows (sent twice).
            String tukey = stored(AnalysisType.TUKEY_HSD.sample(30, 1), 1);
            showResult(browser, tukey, "svg.result-plot", 3);
            browser.screenshot("console-tukey.png");
            ObjectNode table = (ObjectNode) Json.readTree("{\"type\":\"chi_square_independence\",\"table\":[[12,5],[7,9]]}".getBytes());
            String chiSquare = stored(table, 2);
            showResult(browser, chiSquare, "table.result-plot", 4);
            browser.screenshot("console-chi-square.png");
            browser.assertNoErrors();
        }
    }

    private static void showResult(Browser browser, String key, String plot, int marks) {
        browser.driver.get(pipeline.apiUri() + "/console#key=" + key);
        new WebDriverWait(browser.driver, PAGE_TIMEOUT).until(d -> d.findElements(By.cssSelector("#result-plot " + plot)).stream()
                .anyMatch(e -> Integer.toString(marks).equals(e.getDomAttribute("data-marks"))));
        assertTrue(browser.driver.findElement(By.id("result-envelope")).getText().contains(key));
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('result-view').scrollIntoView()");
    }

    /** Submits the request {@code times} times and returns its key once its result is stored. */
    private static String stored(JsonNode request, int times) throws InterruptedException {
        String key = null;
        for (int i = 0; i < times; i++) {
            key = api.submit(new String(Json.write(request))).json().get("key").asText();
        }
        assertEquals(200, api.awaitResult(key, Duration.ofSeconds(30)).status());
        return key;
    }

    private static long points(WebDriver driver, String chart) {
        Object points = ((JavascriptExecutor) driver).executeScript("return document.getElementById(arguments[0]).dataset.points || '0'", chart);
        return Long.parseLong(points.toString());
    }

    /** Debian's chromium and chromedriver, headless, with a profile of its own (a JUnit temporary directory) and no calls to the network. */
    private record Browser(WebDriver driver) implements AutoCloseable {
        static Browser start(Path profile) throws Exception {
            Path chromium = Prerequisites.onPath("chromium");
            Path chromedriver = Prerequisites.onPath("chromedriver");
            ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--window-size=1400,1100", "--user-data-dir=" + profile);
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options));
        }

        void screenshot(String name) throws Exception {
            Files.createDirectories(SCREENSHOTS);
            Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }

        /** What the page logged as errors: script errors, failed loads. */
        void assertNoErrors() {
            List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::getMessage).toList();
            assertEquals(List.of(), errors);
        }

        @Override
        public void close() {
            driver.quit();
        }
    }
}
