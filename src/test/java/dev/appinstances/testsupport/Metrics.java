package dev.appinstances.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/**
 * Prometheus text from {@code /q/metrics}, read as numbers: counters only grow while the
 * application runs, and every test class shares it, so tests compare a scrape before with one after
 * (a delta), never an absolute value.
 */
public final class Metrics {

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    /** A scrape of the test port's {@code /q/metrics}. */
    public static Metrics scrape() {
        return new Metrics(
                given().accept("text/plain")
                        .get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    public String text() {
        return text;
    }

    /**
     * The sum over the series of the metric that carry all the labels (each as {@code
     * name="value"}); 0 when there is none yet.
     */
    public double value(String metric, String... labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int end = line.lastIndexOf(' ');
            if (end < 0) {
                continue;
            }
            String series = line.substring(0, end);
            String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            if (name.equals(metric) && Arrays.stream(labels).allMatch(series::contains)) {
                sum += Double.parseDouble(line.substring(end + 1));
            }
        }
        return sum;
    }

    /** How much the series grew from {@code before} to this scrape. */
    public double since(Metrics before, String metric, String... labels) {
        return value(metric, labels) - before.value(metric, labels);
    }
}
