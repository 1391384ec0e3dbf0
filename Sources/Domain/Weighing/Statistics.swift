import Foundation

/// Descriptive statistics used for aggregating participants and showing spread.
public enum Statistics {
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    public static func median(_ values: [Double]) -> Double {
        quantile(values, 0.5)
    }

    /// Sample standard deviation (n − 1); 0 for fewer than two values.
    public static func sampleStandardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let average = mean(values)
        return sqrt(values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(values.count - 1))
    }

    /// Quantile by linear interpolation between order statistics: Hyndman & Fan type 7 (R's and numpy's default).
    public static func quantile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }

    /// Interquartile range, type 7 quartiles.
    public static func interquartileRange(_ values: [Double]) -> Double {
        quantile(values, 0.75) - quantile(values, 0.25)
    }

    public static func range(_ values: [Double]) -> Double {
        guard let low = values.min(), let high = values.max() else { return 0 }
        return high - low
    }

    /// Ranks with ties sharing the average of their positions; rank 1 is the highest value when `descending`.
    public static func averageRanks(_ values: [Double], descending: Bool = true) -> [Double] {
        let order = values.indices.sorted { descending ? values[$0] > values[$1] : values[$0] < values[$1] }
        var ranks = Array(repeating: 0.0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = average }
            start = end + 1
        }
        return ranks
    }

    /// Kendall's W for m raters ranking n items, corrected for ties:
    /// W = 12 S / (m² (n³ − n) − m Σ T), T = Σ (t³ − t) per rater. Nil when n < 2 or m < 2.
    public static func kendallW(rankings: [[Double]]) -> Double? {
        let m = rankings.count
        guard m >= 2, let n = rankings.first?.count, n >= 2, rankings.allSatisfy({ $0.count == n }) else { return nil }
        let sums = (0..<n).map { item in rankings.reduce(0) { $0 + $1[item] } }
        let meanSum = Double(m) * Double(n + 1) / 2
        let s = sums.reduce(0) { $0 + ($1 - meanSum) * ($1 - meanSum) }
        let ties = rankings.reduce(0.0) { total, ranks in
            total + Dictionary(grouping: ranks, by: { $0 }).values.reduce(0) { $0 + Double($1.count * $1.count * $1.count - $1.count) }
        }
        let denominator = Double(m * m) * Double(n * n * n - n) - Double(m) * ties
        guard denominator > 0 else { return 1 }
        return 12 * s / denominator
    }
}
