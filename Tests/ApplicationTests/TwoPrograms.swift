import Application
import Domain
import Foundation
import Storage

/// Two programs (a board and a colleague's CLI) on one fresh data directory, each with its own connections.
final class TwoPrograms {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-app-\(UUID().uuidString)")
    let board: Workspace
    let cli: Workspace

    init() throws {
        let directory = DataDirectory(url: url.appendingPathComponent("data"))
        board = try Workspace.open(directory, actor: "anna", program: "board")
        cli = try Workspace.open(directory, actor: "bert", program: "cli")
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A complete experiment gate.
    static let experimentGate = StageGate.experiment(
        TestCard(hypothesis: "buren helpen elkaar", action: "pilot in Noord", metric: "deelnemers", successCriterion: "minstens 20"),
        owner: "Sanne", reviewDate: DayDate(year: 2027, month: 3, day: 31)!)

    /// A measurement dated in the test card's period.
    static let measurement = MetricMeasurement(date: DayDate(year: 2027, month: 1, day: 15)!, value: 7, note: "van collega")
}

/// The refusal a change threw, if it was a `changedSince`.
func refusal(_ body: () throws -> Void) -> (IdeaID, [String], ChangeNotice?, Bool)? {
    do {
        try body()
        return nil
    } catch DomainError.changedSince(let id, let fields, let notice, let undoing) {
        return (id, fields, notice, undoing)
    } catch {
        return nil
    }
}
