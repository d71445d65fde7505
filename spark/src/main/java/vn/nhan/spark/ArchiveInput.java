package vn.nhan.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads an archive of articles as rows of {@code id}, {@code title}, {@code text}, {@code labels}
 * (null when the archive has none) and two columns
 * for error messages: {@value #SOURCE} (the file) and {@value #CORRUPT} (a JSON line that could not
 * be read). A JSONL file or a directory of them ({"id", "title", "text"} a line, title optional), or
 * Parquet with those columns; the format is told, or guessed from the file names.
 */
final class ArchiveInput {
    static final String SOURCE = "_source";
    static final String CORRUPT = "_corrupt_record";
    /** Gold labels, optional: only {@code evaluate} needs them. */
    static final String LABELS = "labels";
    private static final ArrayType LABEL_LIST = DataTypes.createArrayType(DataTypes.StringType);

    private ArchiveInput() {
    }

    /** The archive at {@code path}, in {@code format} (null: Parquet when the names end in .parquet, else JSONL). */
    static Dataset<Row> read(SparkSession spark, String path, ArchiveFormat format) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(p)) {
            throw new IOException("input " + path + " does not exist");
        }
        ArchiveFormat f = format != null ? format : guess(fs, p);
        return f == ArchiveFormat.PARQUET ? parquet(spark, path) : jsonl(spark, path);
    }

    private static ArchiveFormat guess(FileSystem fs, Path p) throws IOException {
        FileStatus[] files = fs.getFileStatus(p).isDirectory() ? fs.listStatus(p) : new FileStatus[] {fs.getFileStatus(p)};
        boolean parquet = Arrays.stream(files).anyMatch(s -> s.getPath().getName().endsWith(".parquet"));
        return parquet ? ArchiveFormat.PARQUET : ArchiveFormat.JSONL;
    }

    private static Dataset<Row> jsonl(SparkSession spark, String path) {
        StructType schema = new StructType()
                .add("id", DataTypes.StringType)
                .add("title", DataTypes.StringType)
                .add("text", DataTypes.StringType)
                .add(LABELS, DataTypes.createArrayType(DataTypes.StringType))
                .add(CORRUPT, DataTypes.StringType);
        return spark.read().schema(schema)
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .json(path)
                .withColumn(SOURCE, input_file_name());
    }

    private static Dataset<Row> parquet(SparkSession spark, String path) {
        Dataset<Row> in = spark.read().parquet(path);
        Set<String> columns = Arrays.stream(in.columns()).collect(Collectors.toSet());
        for (String needed : new String[] {"id", "text"}) {
            if (!columns.contains(needed)) {
                throw new IllegalArgumentException("input " + path + " has no '" + needed + "' column (columns: "
                        + String.join(", ", in.columns()) + "; expected id, title and text)");
            }
        }
        return in.select(col("id").cast(DataTypes.StringType).as("id"),
                columns.contains("title") ? col("title").cast(DataTypes.StringType).as("title") : lit(null).cast(DataTypes.StringType).as("title"),
                col("text").cast(DataTypes.StringType).as("text"),
                columns.contains(LABELS) ? col(LABELS).cast(LABEL_LIST).as(LABELS) : lit(null).cast(LABEL_LIST).as(LABELS),
                lit(null).cast(DataTypes.StringType).as(CORRUPT),
                input_file_name().as(SOURCE));
    }
}
