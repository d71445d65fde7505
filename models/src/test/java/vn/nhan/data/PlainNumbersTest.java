package vn.nhan.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainNumbersTest {
    record Line(double score, float weight, Double boxed, Map<String, Double> scores, List<Float> floats) {
    }

    @Test
    void tinyAndHugeNumbersAreWrittenWithoutAnExponent() {
        assertEquals("0.0001", PlainNumbers.plain(1.0E-4));
        assertEquals("0.00012", PlainNumbers.plain(1.2E-4));
        assertEquals("-0.0005", PlainNumbers.plain(-5.0E-4));
        assertEquals("12345678.0", PlainNumbers.plain(1.2345678E7));
        assertEquals("0.0001", PlainNumbers.plain(1.0E-4f));
    }

    @Test
    void everyOtherNumberIsWrittenAsBefore() {
        for (double v : new double[] {0.0, 1.0, 0.5, 0.9166, 0.001, 42.25, 1234567.0}) {
            assertEquals(Double.toString(v), PlainNumbers.plain(v));
        }
        assertEquals("0.9166", PlainNumbers.plain(0.9166f));
    }

    @Test
    void theMapperWritesPlainDecimalsInRecordsMapsAndLists() throws Exception {
        ObjectMapper json = PlainNumbers.mapper();
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("a", 1.0E-4);
        scores.put("b", 0.5);
        String line = json.writeValueAsString(new Line(2.0E-4, 3.0E-5f, 7.0E-4, scores, List.of(1.0E-4f)));
        assertEquals("{\"score\":0.0002,\"weight\":0.00003,\"boxed\":0.0007,\"scores\":{\"a\":0.0001,\"b\":0.5},\"floats\":[0.0001]}", line);
        assertEquals(1.0E-4, json.readTree("{\"x\":" + PlainNumbers.plain(1.0E-4) + "}").get("x").asDouble());
    }
}
