package vn.nhan.spark;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.registry.ModelRegistry;

/** What every job takes: the model, the archive, and where Spark runs. */
final class JobOptions {
    /** The master when neither --master nor spark-submit gives one. */
    static final String DEFAULT_MASTER = "local[*]";

    @Option(names = "--model", required = true, description = "Model bundle directory, or a model registry (its current model); on the driver, shipped to the executors.")
    Path model;

    @Option(names = "--input", required = true, description = "Input: a JSONL file, a directory of them, or Parquet (any Hadoop path: file:, hdfs:, s3a:...).")
    String input;

    @Option(names = "--master", description = "Spark master URL (default: spark-submit's, else " + DEFAULT_MASTER + ").")
    String master;

    @Option(names = "--input-format", converter = FormatConverter.class,
            description = "Input format: jsonl or parquet (default: parquet when the input's file names end in .parquet, else jsonl).")
    ArchiveFormat inputFormat;

    /** The bundle, loaded and validated on the driver. */
    ModelBundle bundle() throws IOException {
        return ModelBundle.load(bundleDirectory(model));
    }

    /** The bundle {@code --model} names: itself, or the current model of the registry it is. */
    static Path bundleDirectory(Path model) throws IOException {
        if (!ModelRegistry.isRegistry(model)) {
            return model;
        }
        Path current = ModelRegistry.open(model).currentBundle().orElseThrow(() -> new IOException(
                model + " is a model registry with no current model; pass a bundle directory, or a registry that serves one"));
        System.err.println("using the current model of registry " + model + ": " + current.getFileName());
        return current;
    }

    SparkSession session(String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master(DEFAULT_MASTER);
        }
        return builder.getOrCreate();
    }

    Dataset<Row> articles(SparkSession spark) throws IOException {
        return ArchiveInput.read(spark, input, inputFormat);
    }

    /**
     * Ships the bundle's directory to the executors and returns the name it goes by there
     * ({@code SparkFiles.get(name)}).
     */
    static String ship(SparkSession spark, ModelBundle bundle) {
        spark.sparkContext().addFile(bundle.path().toString(), true);
        return bundle.path().getFileName().toString();
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<ArchiveFormat> {
        @Override
        public ArchiveFormat convert(String value) {
            try {
                return ArchiveFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
