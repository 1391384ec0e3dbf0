import Domain
import Foundation

extension PostgresStore {
    /// Writes the benchmark data set (the same rows as on SQLite, `BenchmarkDataSet.write`) into an empty database, in one
    /// transaction of multi-row INSERTs; `progress` hears how many of its events are written, now and then.
    public func generateBenchmarkData(_ set: BenchmarkDataSet, now: Date, progress: (Int) -> Void) throws {
        try write {
            try set.write(into: PostgresBenchmarkSink(session), now: now, progress: progress)
        }
    }

    /// Writes the benchmark data set.
    public func generateBenchmarkData(_ set: BenchmarkDataSet, now: Date) throws {
        try generateBenchmarkData(set, now: now) { _ in }
    }
}
