import Foundation

/// The three ways to set criterion weights: direct percentages, rank-order centroid, AHP.
public enum Weights {
    /// Weights scaled to sum 1; equal weights when they sum to zero (or to something unusable, stored by another tool).
    public static func normalized(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite, weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return weights.isEmpty ? [] : Array(repeating: 1 / Double(weights.count), count: weights.count) }
        return weights.map { $0 / total }
    }

    /// Direct weights from percentages; `adjusted` is true when they did not sum to 100 and were normalised.
    public static func direct(_ percentages: [Double]) -> (weights: [Double], adjusted: Bool) {
        let total = percentages.reduce(0, +)
        return (normalized(percentages), abs(total - 100) > 1e-9)
    }

    /// Rank-order centroid (SMARTER, Barron & Barrett 1996): w_k = (1/n) Σ_{i=k..n} 1/i for rank k of n.
    public static func rankOrderCentroid(count n: Int) -> [Double] {
        guard n > 0 else { return [] }
        return (1...n).map { k in (k...n).reduce(0) { $0 + 1 / Double($1) } / Double(n) }
    }
}

/// The outcome of an AHP pairwise comparison.
public struct AHPResult: Equatable, Sendable, Codable {
    public var weights: [Double]
    public var lambdaMax: Double
    public var ci: Double
    public var cr: Double
    /// CR < 0.10 (Saaty's rule of thumb).
    public var consistent: Bool
}

/// The Analytic Hierarchy Process (Saaty 1980): principal eigenvector by power iteration, λmax, CI, CR.
public enum AHP {
    /// Saaty's random index for n = 1…10.
    public static let randomIndex: [Int: Double] = [1: 0, 2: 0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49]

    /// Parses `"1,3,5;1/3,1,3;1/5,1/3,1"`: rows by `;`, entries by `,`, fractions allowed; each entry from 1/1000 to 1000.
    /// A trailing `;` ends the last row; an empty entry is named by row and column rather than skipped.
    public static func parseMatrix(_ text: String) throws(DomainError) -> [[Double]] {
        var rowTexts = text.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingCharactersInWhitespace() }
        while rowTexts.last?.isEmpty == true { rowTexts.removeLast() }
        guard !rowTexts.isEmpty else { throw .invalidMatrix(.empty) }
        var matrix: [[Double]] = []
        for (rowIndex, rowText) in rowTexts.enumerated() {
            var values: [Double] = []
            for (columnIndex, raw) in rowText.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
                let entry = String(raw).trimmingCharactersInWhitespace()
                guard !entry.isEmpty else { throw .invalidMatrix(.emptyEntry(row: rowIndex + 1, column: columnIndex + 1)) }
                let parts = entry.split(separator: "/", omittingEmptySubsequences: false)
                let value: Double?
                if parts.count == 2, let numerator = NumberParsing.number(String(parts[0])),
                   let denominator = NumberParsing.number(String(parts[1])), denominator != 0 {
                    value = numerator / denominator
                } else {
                    value = parts.count == 1 ? NumberParsing.number(entry) : nil
                }
                guard let value else {
                    if NumberParsing.looksNumeric(entry) { throw .numberOutOfRange(.matrixEntry, String(entry.prefix(40))) }
                    throw .invalidMatrix(.notANumber(String(entry.prefix(40))))
                }
                guard value > 0 else { throw .invalidMatrix(.notANumber(String(entry.prefix(40)))) }
                try NumberKind.matrixEntry.check(value, as: String(entry.prefix(40)))
                values.append(value)
            }
            matrix.append(values)
        }
        try validate(matrix)
        return matrix
    }

    /// Checks squareness (naming the first row of another length), a unit diagonal and reciprocity (a_ji = 1/a_ij within 1 %).
    public static func validate(_ matrix: [[Double]]) throws(DomainError) {
        let n = matrix.count
        guard n >= 1 else { throw .invalidMatrix(.empty) }
        if let row = matrix.firstIndex(where: { $0.count != n }) {
            throw .invalidMatrix(.rowLength(row: row + 1, entries: matrix[row].count, rows: n))
        }
        for i in 0..<n {
            guard abs(matrix[i][i] - 1) < 1e-9 else { throw .invalidMatrix(.diagonal(i + 1)) }
            for j in 0..<n where j > i {
                guard abs(matrix[i][j] * matrix[j][i] - 1) < 0.01 else {
                    throw .invalidMatrix(.notReciprocal(i + 1, j + 1))
                }
            }
        }
    }

    /// Weights, λmax, CI and CR of a pairwise comparison matrix.
    public static func analyze(_ matrix: [[Double]]) -> AHPResult {
        let n = matrix.count
        guard n > 0 else { return AHPResult(weights: [], lambdaMax: 0, ci: 0, cr: 0, consistent: true) }
        var vector = Array(repeating: 1 / Double(n), count: n)
        for _ in 0..<1000 {
            var next = (0..<n).map { i in (0..<n).reduce(0) { $0 + matrix[i][$1] * vector[$1] } }
            let total = next.reduce(0, +)
            next = next.map { $0 / total }
            let change = zip(next, vector).map { abs($0 - $1) }.max() ?? 0
            vector = next
            if change < 1e-13 { break }
        }
        let product = (0..<n).map { i in (0..<n).reduce(0) { $0 + matrix[i][$1] * vector[$1] } }
        let lambdaMax = zip(product, vector).reduce(0) { $0 + $1.0 / $1.1 } / Double(n)
        let ci = n > 1 ? (lambdaMax - Double(n)) / Double(n - 1) : 0
        let ri = randomIndex[n] ?? 1.49
        let cr = ri > 0 ? ci / ri : 0
        return AHPResult(weights: vector, lambdaMax: lambdaMax, ci: ci, cr: cr, consistent: cr < 0.10)
    }

    /// Group judgment: the element-wise geometric mean of several matrices (AIJ, Aczél & Saaty 1983).
    public static func geometricMean(_ matrices: [[[Double]]]) -> [[Double]] {
        guard let first = matrices.first else { return [] }
        let count = Double(matrices.count)
        return first.indices.map { i in
            first[i].indices.map { j in
                exp(matrices.reduce(0) { $0 + log($1[i][j]) } / count)
            }
        }
    }
}
