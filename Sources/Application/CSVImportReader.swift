import Domain
import Foundation

/// The reading half of a CSV import, on two threads of its own: one reads the file in one pass and checks each record
/// once (`IdeaCSVReader`, then the theme against the lokale opgaven), the other compares each title with the stored titles
/// and the rows before it through one `DuplicateIndex` (an import's bounded search), handing the rows over in batches, in
/// file order, to the thread that writes them.
struct CSVImportReader: Sendable {
    let storedTitles: [(IdeaID, String)]
    let catalog: ThemeCatalog
    /// The day inbox rows without a date of their own are received on.
    let today: DayDate
    static let batchSize = 256

    /// The writer stopped taking rows: stop reading.
    private struct WriterStopped: Error {}

    /// Reads everything `next` gives into `handOver`, then finishes it with the outcome: the header's columns that name no
    /// field, or, ending it as an `ImportFailure`, a syntax error (with the rows' problems before it), an unusable header,
    /// an empty file or the rows' problems (all of them). `next` is called on a thread this starts, which has ended when
    /// `handOver` is finished.
    func run(_ next: @escaping () throws -> [UInt8]?, into handOver: ImportHandOver<ImportStep, [String]>) {
        let checked = ImportHandOver<ImportStep, [String]>()
        let source = ChunkSource(next: next)
        Thread {
            do {
                checked.finish(.success(try read(source.next, into: checked)))
            } catch {
                checked.finish(.failure(error))
            }
        }.start()
        var index = DuplicateIndex(storedTitles.lazy.map { (DuplicateSource.stored($0.0), $0.1) })
        do {
            while var batch = try checked.take() {
                for offset in batch.indices {
                    let draft = batch[offset].draft
                    batch[offset].duplicates = index.nearestThenInsert(
                        .row(draft.location), title: draft.fields.title, limit: 1, budget: DuplicateIndex<DuplicateSource>.importBudget)
                        .map { ImportDuplicate(location: draft.location, match: $0) }
                }
                guard handOver.put(batch) else {
                    checked.cancel()
                    throw WriterStopped()
                }
            }
            handOver.finish(.success(checked.outcome ?? []))
        } catch {
            handOver.finish(.failure(error))
        }
    }

    /// Reads and checks the file, handing the rows over without their duplicates; returns the header's columns that name
    /// no field.
    private func read(_ next: () throws -> [UInt8]?, into handOver: ImportHandOver<ImportStep, [String]>) throws -> [String] {
        var stream = CSVStream()
        var reader = IdeaCSVReader()
        var problems: [ImportProblem] = []
        var batch: [ImportStep] = []
        batch.reserveCapacity(Self.batchSize)
        func handOverBatch() throws {
            guard handOver.put(batch) else { throw WriterStopped() }
            batch.removeAll(keepingCapacity: true)
        }
        func take(_ record: CSVRecord) throws {
            switch reader.read(record) {
            case .header: break
            case .unusableHeader(let problem): throw ImportFailure([problem])
            case .problems(let found): problems += found
            case .draft(var draft):
                do { draft.fields = try catalog.checked(draft.fields) } catch {
                    problems.append(ImportProblem(draft.location, field: "theme", .rule(error)))
                    return
                }
                let arrival = draft.inbox ? Arrival(receivedOn: draft.receivedOn ?? today, replyTo: draft.replyTo) : nil
                batch.append(ImportStep(draft: draft, write: problems.isEmpty, arrival: arrival, duplicates: []))
                if batch.count == Self.batchSize { try handOverBatch() }
            }
        }
        do {
            while let chunk = try next() { try stream.feed(chunk, take) }
            try stream.finish(take)
        } catch let error as CSV.ParseError {
            // The rows' problems found before it are named too: the file cannot be read past the syntax error.
            throw ImportFailure(problems + [ImportProblem(.line(error.line), .syntax(error.message))])
        }
        if !batch.isEmpty { try handOverBatch() }
        guard reader.hasHeader else { throw ImportFailure([ImportProblem(.line(1), .emptyFile)]) }
        guard problems.isEmpty else { throw ImportFailure(problems) }
        return reader.unknownColumns
    }
}
