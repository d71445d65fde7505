package vn.nhan.eval;

/** One label's column of a documents-by-labels matrix. */
public final class Columns {
    private Columns() {
    }

    public static float[] of(float[][] matrix, int label) {
        float[] column = new float[matrix.length];
        for (int doc = 0; doc < matrix.length; doc++) {
            column[doc] = matrix[doc][label];
        }
        return column;
    }

    public static boolean[] of(boolean[][] matrix, int label) {
        boolean[] column = new boolean[matrix.length];
        for (int doc = 0; doc < matrix.length; doc++) {
            column[doc] = matrix[doc][label];
        }
        return column;
    }
}
