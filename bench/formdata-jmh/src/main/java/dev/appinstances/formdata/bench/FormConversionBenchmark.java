package dev.appinstances.formdata.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appinstances.formdata.FormJson;
import dev.appinstances.formdata.FormModel;
import dev.appinstances.formdata.JsonInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two conversions of a form data request, on a 1 MiB form of the example app's model
 * (BuildingPermit with about 7,000 neighbours): a GET's stored XML to JSON, and a PUT's JSON to the
 * XML that is stored (parse, check against the schema, write).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FormConversionBenchmark {

    static final int TARGET_BYTES = 1024 * 1024;

    FormModel model;
    byte[] xml;
    byte[] json;

    @Setup
    public void setUp() throws IOException {
        try (InputStream schema =
                FormConversionBenchmark.class
                        .getClassLoader()
                        .getResourceAsStream("example-app/models/model.schema.json")) {
            model = FormModel.compile(new ObjectMapper().readTree(schema));
        }
        StringBuilder form =
                new StringBuilder(
                        "{\"applicant\":{\"name\":\"Sophie Salt\",\"personNumber\":\"12247918309\"},"
                                + "\"property\":{\"address\":\"Storgata 1\",\"municipalityNumber\":301,"
                                + "\"plotArea\":512.75},\"neighboursNotified\":true,\"neighbours\":[");
        for (int i = 0; form.length() < TARGET_BYTES * 0.675; i++) {
            form.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"Neighbour ")
                    .append(i)
                    .append(" Nordmann\",\"address\":\"Storgata ")
                    .append(i)
                    .append(", 0155 Oslo\",\"plotNumber\":")
                    .append(i + 1)
                    .append(",\"notified\":")
                    .append(i % 2 == 0)
                    .append('}');
        }
        form.append("]}");
        JsonNode tree = FormJson.parse(form.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        xml = model.toXml(model.fromJson(tree, JsonInput.STRICT, false));
        json = FormModel.toJson(model.fromXml(new ByteArrayInputStream(xml), false), false);
        System.out.printf("%nform: %d bytes of XML, %d bytes of JSON%n", xml.length, json.length);
    }

    @Benchmark
    public byte[] xmlToJson() {
        return FormModel.toJson(model.fromXml(new ByteArrayInputStream(xml), false), true);
    }

    @Benchmark
    public byte[] jsonToXml() {
        return model.toXml(model.fromJson(FormJson.parse(json), JsonInput.LENIENT, true));
    }
}
