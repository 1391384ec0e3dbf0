import Domain
import Foundation
import PropertyBased
import Storage
import Testing

@Suite("Fuzz: JSON import")
struct ImportFuzzTests {
    /// A valid export with random bytes changed either imports or is refused with an error; it never crashes,
    /// and a refused import leaves the target empty.
    @Test func mutatedExportsNeverCrash() async throws {
        let temporary = TemporaryDirectory()
        let source = try AppDatabase.open(DataDirectory(url: temporary.url.appendingPathComponent("source")), actor: "t")
        try source.add(IdeaFields(title: "Eén", tags: ["a"]))
        try source.add(IdeaFields(title: "Twee", description: "regel\nregel"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let valid = Array(try encoder.encode(try source.exportAll(includePersonal: true)))
        let mutation = PropertyBased.zip(Gen.int(in: 0...(valid.count - 1)).array(of: 1...4), Gen.uint8(in: 0...255).array(of: 4...4))
        var counter = 0
        await propertyCheck(count: 60, input: mutation) { positions, bytes in
            var data = valid
            for (position, byte) in zip(positions, bytes) { data[position] = byte }
            counter += 1
            let target = try AppDatabase.open(DataDirectory(url: temporary.url.appendingPathComponent("t\(counter)")), actor: "t")
            guard let export = try? JSONDecoder().decode(PortfolioExport.self, from: Data(data)) else { return }
            do {
                try target.importAll(export)
            } catch {
                #expect(try target.summaries().isEmpty, "a failed import leaves nothing behind")
            }
        }
    }
}
