import Foundation

/// One idea of the benchmark data set, as both stores write it.
struct BenchmarkIdeaRow {
    var id: Int64
    var title: String
    var description: String
    var source: String
    var theme: String
    var tags: String
    var stage: String
    var position: Int64
    var createdAt: Date
    var reviewDate: String?
    var cycleCount: Int
}
