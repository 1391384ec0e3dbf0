import Domain
import Foundation
import Testing
@testable import Storage

/// Exports from both stores compared byte for byte, and a SQLite portfolio moved onto the server and back out.
extension PostgresStoreTests {
    /// An export as `proeftuin export --format json` writes it (the CLI's encoder settings).
    static func text(_ export: PortfolioExport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(export), as: UTF8.self)
    }

    /// The same changes at the same moments on a SQLite and a PostgreSQL store.
    func sameChangesOnBothStores(_ changes: (any ContractStore, TestClock) throws -> Void) throws -> (sqlite: any ContractStore, postgres: any ContractStore, keep: SQLiteOpener) {
        let sqlite = SQLiteOpener()
        let clock = TestClock()
        let stores: [any ContractStore] = [try sqlite.open(actor: "anna", program: "board", clock: clock),
                                           try opener.openStore(actor: "anna", program: "board", clock: clock)]
        let start = clock.now
        for store in stores {
            clock.now = start
            try changes(store, clock)
        }
        return (stores[0], stores[1], sqlite)
    }

    @Test func exportsTheSameBytesAsTheSQLiteStore() throws {
        let (sqlite, postgres, keep) = try sameChangesOnBothStores { store, clock in try StoreContract.fillEveryTable(store, clock: clock) }
        for personal in [true, false] {
            let expected = try Self.text(try sqlite.exportAll(includePersonal: personal))
            #expect(expected.contains(#""schema" : "v9-learning: safe-to-try bounds, case notes""#))
            #expect(expected.contains(#""hard" : 1"#))
            #expect(expected.contains(#""setName" : "Zorg""#))
            #expect(try Self.text(try postgres.exportAll(includePersonal: personal)) == expected)
        }
        _ = keep
    }

    @Test func aLargeImportWritesTheSameAsOnSQLiteInBatches() throws {
        let drafts = (1...2_345).map { number in
            IdeaDraft(location: .line(number + 1), fields: IdeaFields(title: "Idee \(number)", submitter: number % 3 == 0 ? "Bewoner \(number)" : nil,
                                                                       theme: "Wonen", tags: number % 2 == 0 ? ["even"] : []),
                      stage: number % 5 == 0 ? .learning : .proposed)
        }
        let (sqlite, postgres, keep) = try sameChangesOnBothStores { store, clock in
            try store.add(IdeaFields(title: "Al daar"))
            clock.advance(1)
            let count = try store.importIdeas(dryRun: false) { writer in
                for (offset, draft) in drafts.enumerated() {
                    try writer.add(draft, arrival: offset % 7 == 0 ? Arrival(receivedOn: DayDate(year: 2026, month: 9, day: 1)!, replyTo: "r\(offset)") : nil)
                }
                return writer.count
            }
            #expect(count == 2_345)
        }
        var reported: [[Int]] = [[], []]
        let expected = try sqlite.exportAll(includePersonal: true) { reported[0].append($0) }
        let found = try postgres.exportAll(includePersonal: true) { reported[1].append($0) }
        #expect(expected.tables["idea"]?.count == 2_346)
        #expect(expected.tables["intake"]?.count == 335)
        #expect(reported[0] == [1_000, 2_000, 3_000, 4_000, 5_000])
        #expect(reported[1] == reported[0])
        #expect(try Self.text(found) == Self.text(expected))
        #expect(try postgres.summaries().last?.position == 2_346)
        _ = keep
    }

    /// What `proeftuin migrate --to` rests on: a SQLite portfolio's export loaded into an empty server gives the same export.
    @Test func aSQLiteExportLoadedOntoTheServerExportsTheSame() throws {
        let sqlite = SQLiteOpener()
        let clock = TestClock()
        let local = try sqlite.open(actor: "anna", program: "cli", clock: clock)
        try StoreContract.fillEveryTable(local, clock: clock)
        let export = try local.exportAll(includePersonal: true)
        let server = try opener.openStore(actor: "anna", program: "cli", clock: clock)
        #expect(try server.importAll(export).count == 5)
        #expect(try Self.text(try server.exportAll(includePersonal: true)) == Self.text(export))
        // And back: the server's export loads into an empty SQLite portfolio.
        let backOpener = SQLiteOpener()
        let back = try backOpener.open(actor: "anna", program: "cli", clock: clock)
        _ = try back.importAll(try server.exportAll(includePersonal: true))
        #expect(try Self.text(try back.exportAll(includePersonal: true)) == Self.text(export))
        #expect(try server.add(IdeaFields(title: "Nieuw op de server")).id == local.add(IdeaFields(title: "Nieuw lokaal")).id)
    }
}
