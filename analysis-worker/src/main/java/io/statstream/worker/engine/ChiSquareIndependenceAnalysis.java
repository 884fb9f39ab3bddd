package io.statstream.worker.engine;

import io.statstream.model.request.ChiSquareIndependence;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.ChiSquareResult;

final class ChiSquareIndependenceAnalysis implements Analysis<ChiSquareIndependence> {
    @Override
    public ChiSquareResult compute(ChiSquareIndependence request) {
        double[][] table = request.table();
        int rows = table.length;
        int columns = table[0].length;
        double[] rowTotals = new double[rows];
        double[] columnTotals = new double[columns];
        double total = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                rowTotals[i] += table[i][j];
                columnTotals[j] += table[i][j];
                total += table[i][j];
            }
        }
        requirePositive("row", rowTotals);
        requirePositive("column", columnTotals);

        double statistic = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double expected = rowTotals[i] * columnTotals[j] / total;
                double deviation = table[i][j] - expected;
                statistic += deviation * deviation / expected;
            }
        }
        int df = (rows - 1) * (columns - 1);
        double cramersV = Math.sqrt(statistic / (total * (Math.min(rows, columns) - 1)));
        return new ChiSquareResult(statistic, df, Tails.chiSquareUpper(statistic, df), cramersV);
    }

    private static void requirePositive(String what, double[] totals) {
        for (int i = 0; i < totals.length; i++) {
            if (totals[i] == 0) {
                throw new AnalysisFailure(what + " " + i + " has no counts: its expected frequencies are zero");
            }
        }
    }
}
