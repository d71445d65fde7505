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
        module.addSerializer(Double.class, new Plain<>(Double.class));
        module.addSerializer(Double.TYPE, new Plain<>(Double.class));
        module.addSerializer(Float.class, new Plain<>(Float.class));
        module.addSerializer(Float.TYPE, new Plain<>(Float.class));
        return module;
    }

    /** Writes a double or a float from its own shortest form ({@code toString}), without an exponent; NaN and infinities as Jackson does. */
    private static final class Plain<T extends Number> extends StdSerializer<T> {
        Plain(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value.doubleValue())) {
                gen.writeNumber(plain(value.toString()));
            } else {
                gen.writeNumber(value.doubleValue());
            }
        }
    }

    /** A mapper that writes plain decimals. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(module());
    }
}
