import Domain
import Foundation

/// Where the rows of the benchmark data set go (`BenchmarkDataSet.write(into:now:progress:)`): each store writes them its
/// own fast way, inside one transaction it holds open.
protocol BenchmarkDataSink {
    func idea(_ row: BenchmarkIdeaRow) throws
    func event(at: Date, idea: Int64, kind: String, reason: String?, before: String?, after: String) throws
    /// Writes a cycle and returns its id.
    func cycle(idea: Int64, reviewDate: String, startedAt: Date) throws -> Int64
    func measurement(cycle: Int64, date: String, value: Double) throws
    func criteriaSet(_ set: CriteriaSet, at: Date) throws
    /// Writes a closed session and returns its id.
    func session(_ set: CriteriaSet, ideas: [IdeaID], participants: [String], at: Date) throws -> Int64
    func score(session: Int64, participant: Int, idea: Int64, criterion: Int, value: Int) throws
    /// Writes whatever is still held back.
    func finish() throws
}
