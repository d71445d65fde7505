package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nhan.service.api.Responses;

/** The service writes scores as plain decimals: a tiny score is 0.0001, not 1.0E-4. */
class JsonNumbersTest {
    @Test
    void aTinyScoreIsAPlainDecimal() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("press", 1.0E-4);
        scores.put("culture", 0.5);
        Responses.Result result = new Responses.Result("a1", List.of(new Responses.LabelResult("culture", "Văn hoá", 0.5, null, null)), scores, null);
        assertEquals("{\"id\":\"a1\",\"labels\":[{\"id\":\"culture\",\"name\":\"Văn hoá\",\"score\":0.5}],\"scores\":{\"press\":0.0001,\"culture\":0.5}}",
                HttpService.jsonMapper().toJsonString(result, Responses.Result.class));
    }
}
