import Domain
import Foundation
import GRDB
@testable import Storage
import Testing

/// A bulk write (an import) keeps SQLite's temporary files in memory for its own length only, and is a write like any
/// other: all or nothing, and its own change never looks like another program's.
@Suite("Storage: bulk writes")
struct BulkWriteTests {
    @Test func temporaryFilesStayInMemoryForTheBulkWriteOnly() throws {
        let folder = TemporaryDirectory()
        let store = try AppDatabase.open(folder.dataDirectory, actor: "tester")
        let during = try store.bulkWrite { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") }
        let after = try store.write { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") }
        #expect(during == 2)  // MEMORY
        #expect(after == 0)  // DEFAULT, as every other write has it
    }

    @Test func aFailedBulkWriteKeepsNothingAndItsOwnChangeIsNotAnOutsideOne() throws {
        let folder = TemporaryDirectory()
        let store = try AppDatabase.open(folder.dataDirectory, actor: "tester")
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try store.importIdeas(dryRun: false) { writer in
                try writer.add(IdeaDraft(location: .line(2), fields: IdeaFields(title: "Buurtmoestuin"), stage: .proposed))
                throw Refused()
            }
        }
        #expect(try store.summaries().isEmpty)
        try store.importIdeas(dryRun: false) { writer in
            try writer.add(IdeaDraft(location: .line(2), fields: IdeaFields(title: "Buurtmoestuin"), stage: .proposed))
        }
        #expect(try store.summaries().map(\.title) == ["Buurtmoestuin"])
        #expect(try store.outsideChange() == false)
    }
}
