package vn.nhan.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Numbers as people read them: {@code 0.0001}, never {@code 1.0E-4}. Every JSON that Nhãn writes
 * for people and programs (the CLI's lines, the service's answers, the reports) goes through
 * {@link #module()}; a number Java would print in scientific notation is written as a plain decimal,
 * every other number exactly as before ({@code 0.5}, {@code 1.0}).
 */
public final class PlainNumbers {
    private PlainNumbers() {
    }

    /** {@code value} as a plain decimal: Java's shortest form, without an exponent. */
    public static String plain(double value) {
        return plain(Double.toString(value));
    }

    /** {@code value} as a plain decimal (the float's own shortest form, not its double widening). */
    public static String plain(float value) {
        return plain(Float.toString(value));
    }

    private static String plain(String shortest) {
        if (shortest.indexOf('E') < 0) {
            return shortest;
        }
        String plain = new BigDecimal(shortest).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    /** Serializers for double and float (boxed or not) that write {@link #plain} decimals. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("plain-numbers");
        StdSerializer<Double> doubles = new StdSerializer<>(Double.class) {
            @Override
            public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                if (Double.isFinite(value)) {
                    gen.writeNumber(plain(value.doubleValue()));
                } else {
                    gen.writeNumber(value.doubleValue());
                }
            }
        };
        StdSerializer<Float> floats = new StdSerializer<>(Float.class) {
            @Override
            public void serialize(Float value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                if (Float.isFinite(value)) {
                    gen.writeNumber(plain(value.floatValue()));
                } else {
                    gen.writeNumber(value.floatValue());
                }
            }
        };
        module.addSerializer(Double.class, doubles);
        module.addSerializer(Double.TYPE, doubles);
        module.addSerializer(Float.class, floats);
        module.addSerializer(Float.TYPE, floats);
        return module;
    }

    /** A mapper that writes plain decimals. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(module());
    }
}
