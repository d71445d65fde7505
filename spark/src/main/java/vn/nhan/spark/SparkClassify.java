package vn.nhan.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.nhan.bundle.BundleException;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.model.ChunkedTagging;
import vn.nhan.registry.ModelRegistry;

/**
 * {@code nhan-spark classify}: labels a whole archive with Spark. Parses the arguments, checks the
 * bundle on the driver, ships it to the executors, reads the archive, scores it partition by
 * partition ({@link PartitionScorer}) and writes one record per article: {@code id},
 * {@code labels}, {@code scores}, as {@code nhan classify} does.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classifies a whole archive on Spark (local[*] unless --master or spark-submit says otherwise).",
                "Input: JSONL ({\"id\", \"title\", \"text\"} a line, title optional), a directory of JSONL files, or Parquet with id, title and text columns.",
                "Output: a directory of part files, one record per article: {\"id\", \"labels\": [...], \"scores\": {label: score}}, as nhan classify writes."})
public final class SparkClassify implements Callable<Integer> {
    /** The master when neither --master nor spark-submit gives one. */
    static final String DEFAULT_MASTER = "local[*]";

    @Option(names = "--model", required = true, description = "Model bundle directory, or a model registry (its current model); on the driver, shipped to the executors.")
    Path model;

    @Option(names = "--input", required = true, description = "Input: a JSONL file, a directory of them, or Parquet (any Hadoop path: file:, hdfs:, s3a:...).")
    String input;

    @Option(names = "--output", required = true, description = "Output directory; must not exist yet.")
    String output;

    @Option(names = "--master", description = "Spark master URL (default: spark-submit's, else " + DEFAULT_MASTER + ").")
    String master;

    @Option(names = "--format", defaultValue = "jsonl", converter = FormatConverter.class,
            description = "Output format: jsonl or parquet (default: ${DEFAULT-VALUE}).")
    ArchiveFormat format;

    @Option(names = "--input-format", converter = FormatConverter.class,
            description = "Input format: jsonl or parquet (default: parquet when the input's file names end in .parquet, else jsonl).")
    ArchiveFormat inputFormat;

    @Option(names = "--chunk", description = "Articles tagged together on an executor (default: ${DEFAULT-VALUE}).")
    int chunk = ChunkedTagging.DEFAULT_CHUNK;

    @Override
    public Integer call() throws IOException {
        if (chunk < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--chunk must be at least 1, got " + chunk);
        }
        ModelBundle bundle = ModelBundle.load(bundleDirectory(model));
        try (SparkSession spark = session()) {
            org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(output);
            FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(out)) {
                throw new IOException("output " + output + " already exists; give a directory that does not exist yet");
            }
            Dataset<Row> articles = ArchiveInput.read(spark, input, inputFormat);
            spark.sparkContext().addFile(bundle.path().toString(), true);
            String name = bundle.path().getFileName().toString();
            Dataset<LabelsRecord> labels = articles.mapPartitions(
                    new PartitionScorer(name, bundle.version(), chunk), Encoders.bean(LabelsRecord.class))
                    .select("id", "labels", "scores").as(Encoders.bean(LabelsRecord.class));
            if (format == ArchiveFormat.PARQUET) {
                labels.write().parquet(output);
            } else {
                labels.write().json(output);
            }
        }
        return 0;
    }

    private SparkSession session() {
        SparkSession.Builder builder = SparkSession.builder().appName("nhan-classify");
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master(DEFAULT_MASTER);
        }
        return builder.getOrCreate();
    }

    /** Runs {@code nhan-spark classify ...} and returns the exit code: 0 done, 1 failed, 2 bad arguments. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new NhanSpark()).addSubcommand(new SparkClassify());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            err.println("nhan-spark: " + message(e));
            err.flush();
            return 1;
        });
        return cli.execute(args);
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

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }

    /** The one line that says what went wrong: the bad article or file if that was it, else the first line of the error. */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidArticleException || t instanceof BundleException) {
                return t.getMessage();
            }
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** The top command: {@code nhan-spark classify ...}. */
    @Command(name = "nhan-spark", mixinStandardHelpOptions = true,
            description = "Nhãn on Apache Spark: scores whole archives with a model bundle.")
    static final class NhanSpark implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: classify");
        }
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
