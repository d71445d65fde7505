package vn.nhan.spark;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.model.ChunkedTagging;

/**
 * {@code nhan-spark classify}: labels a whole archive with Spark. Checks the bundle on the driver,
 * ships it to the executors, reads the archive, scores it partition by partition
 * ({@link PartitionScorer}) and writes one record per article: {@code id}, {@code labels},
 * {@code scores}, as {@code nhan classify} does.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classifies a whole archive on Spark (local[*] unless --master or spark-submit says otherwise).",
                "Input: JSONL ({\"id\", \"title\", \"text\"} a line, title optional), a directory of JSONL files, or Parquet with id, title and text columns.",
                "Output: a directory of part files, one record per article: {\"id\", \"labels\": [...], \"scores\": {label: score}}, as nhan classify writes."})
final class SparkClassify implements Callable<Integer> {
    @Mixin
    JobOptions job = new JobOptions();

    @Option(names = "--output", required = true, description = "Output directory; must not exist yet.")
    String output;

    @Option(names = "--format", defaultValue = "jsonl", converter = JobOptions.FormatConverter.class,
            description = "Output format: jsonl or parquet (default: ${DEFAULT-VALUE}).")
    ArchiveFormat format;

    @Option(names = "--chunk", description = "Articles tagged together on an executor (default: ${DEFAULT-VALUE}).")
    int chunk = ChunkedTagging.DEFAULT_CHUNK;

    @Override
    public Integer call() throws IOException {
        if (chunk < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--chunk must be at least 1, got " + chunk);
        }
        ModelBundle bundle = job.bundle();
        try (SparkSession spark = job.session("nhan-classify")) {
            org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(output);
            FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(out)) {
                throw new IOException("output " + output + " already exists; give a directory that does not exist yet");
            }
            String name = JobOptions.ship(spark, bundle);
            Dataset<LabelsRecord> labels = job.articles(spark).mapPartitions(
                    new PartitionScorer(name, bundle.version(), chunk), Encoders.bean(LabelsRecord.class))
                    .select("id", "labels", "scores").as(Encoders.bean(LabelsRecord.class));
            if (format == ArchiveFormat.PARQUET) {
                labels.write().parquet(output);
            } else {
                // not Spark's JSON writer, which prints 1.0E-4: the lines nhan classify writes, plain decimals
                labels.map((MapFunction<LabelsRecord, String>) LabelsRecord::toJson, Encoders.STRING()).write().text(output);
            }
        }
        return 0;
    }
}
