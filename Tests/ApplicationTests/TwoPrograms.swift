import Application
import Domain
import Foundation
import Storage

/// Two programs (a board and a colleague's CLI) on one fresh portfolio, each with its own connections: a data
/// directory's SQLite file, or with `PROEFTUIN_TEST_STORE=postgresql` (and `PROEFTUIN_TEST_DATABASE_URL`) a database of
/// their own on that server, so the rules of shared use are tested on both stores (`.ci/run` runs them twice).
final class TwoPrograms {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-app-\(UUID().uuidString)")
    let board: Workspace
    let cli: Workspace
    /// The database on the server, dropped at the end; nil on SQLite.
    private let server: PostgresScratchDatabase?

    /// The server the tests run on, when asked for; asked for without a usable URL is an error, never a quiet run on SQLite.
    static func serverLocation() throws -> PostgresLocation? {
        let environment = ProcessInfo.processInfo.environment
        guard environment["PROEFTUIN_TEST_STORE"] == "postgresql" else { return nil }
        return try PostgresLocation.parse(environment["PROEFTUIN_TEST_DATABASE_URL"] ?? "", environment: environment)
    }

    init() throws {
        let directory = DataDirectory(url: url.appendingPathComponent("data"))
        server = try Self.serverLocation().map { try PostgresScratchDatabase.create("t_app_\(UUID().uuidString.prefix(8).lowercased())", on: $0) }
        board = try Workspace.open(directory, server: server?.location, actor: "anna", program: "board")
        cli = try Workspace.open(directory, server: server?.location, actor: "bert", program: "cli")
    }

    deinit {
        try? server?.drop()
        try? FileManager.default.removeItem(at: url)
    }

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
