package vn.nhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** nhan classify's output line: plain decimals, and "evidence" only when explained. */
class ClassifyOutputTest {
    @Test
    void aTinyScoreIsWrittenAsAPlainDecimal() throws Exception {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("press", 1.0E-4);
        scores.put("culture", 0.9166);
        assertEquals("{\"id\":\"a1\",\"labels\":[\"culture\"],\"scores\":{\"press\":0.0001,\"culture\":0.9166}}",
                ClassifyCommand.json(new ClassifyCommand.OutputLine("a1", List.of("culture"), scores, null)));
        assertEquals("{\"id\":\"a1\",\"labels\":[],\"scores\":{},\"evidence\":{\"culture\":[{\"field\":\"text\",\"text\":\"x\",\"start\":0,\"end\":1,\"score\":0.0005}]}}",
                ClassifyCommand.json(new ClassifyCommand.OutputLine("a1", List.of(), Map.of(),
                        Map.of("culture", List.of(new ClassifyCommand.EvidenceLine("text", "x", 0, 1, 5.0E-4))))));
    }
}
