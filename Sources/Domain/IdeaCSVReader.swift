/// Turns the records of an idea CSV file into checked rows one at a time, by `IdeaImport`'s rules: the first record
/// is the header naming `title` (or `titel`) and optionally `description`, `theme`, `tags`, `source`, `submitter`,
/// `stage`, `contact` and `received` (or their Dutch names); every later record is one idea, and one without a stage
/// is an idea from outside the team (a form tool's export) that lands in the inbox.
public struct IdeaCSVReader: Sendable {
    /// What one record turned out to be.
    public enum Outcome: Equatable, Sendable {
        /// The header, read.
        case header
        /// A header without a title column: the file cannot be read at all.
        case unusableHeader(ImportProblem)
        /// A row that passed every check.
        case draft(IdeaDraft)
        /// A row with problems, every one named.
        case problems([ImportProblem])
    }

    private struct Columns: Sendable {
        var count: Int
        var title: Int
        var description, theme, tags, source, submitter, stage, contact, received: Int?
    }

    private var columns: Columns?

    public init() {}

    /// Whether the header was read.
    public var hasHeader: Bool { columns != nil }
    /// The header's columns that name no field (as the file spells them): their values are not read.
    public private(set) var unknownColumns: [String] = []
    /// Every column name a header may use, English and Dutch.
    public static let knownColumns = ["title", "titel", "description", "omschrijving", "theme", "thema", "tags", "labels",
                                      "source", "bron", "submitter", "indiener", "stage", "fase", "contact", "antwoord aan",
                                      "reply-to", "antwoord-aan", "received", "ontvangen"]

    /// Reads the next record of the file.
    public mutating func read(_ record: CSVRecord) -> Outcome {
        guard let columns else { return readHeader(record) }
        guard record.fields.count <= columns.count else {
            return .problems([ImportProblem(.line(record.line), .fieldCount(found: record.fields.count, header: columns.count))])
        }
        func value(_ index: Int?) -> String {
            guard let index, record.fields.indices.contains(index) else { return "" }
            return record.fields[index]
        }
        let submitter = value(columns.submitter)
        let row = IdeaRow(
            location: .line(record.line), title: value(columns.title), description: value(columns.description), theme: value(columns.theme),
            tags: value(columns.tags).split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" }).map(String.init),
            source: value(columns.source), submitter: submitter.isEmpty ? nil : submitter, stage: value(columns.stage),
            replyTo: value(columns.contact), received: value(columns.received))
        switch IdeaImport.check(row) {
        case .success(var draft):
            draft.inbox = value(columns.stage).trimmingCharactersInWhitespace().isEmpty
            return .draft(draft)
        case .failure(let failure): return .problems(failure.problems)
        }
    }

    private mutating func readHeader(_ header: CSVRecord) -> Outcome {
        let names = header.fields.map { $0.trimmingCharactersInWhitespace().lowercased() }
        func column(_ english: String, _ dutch: String) -> Int? { names.firstIndex(of: english) ?? names.firstIndex(of: dutch) }
        guard let title = column("title", "titel") else { return .unusableHeader(ImportProblem(.line(header.line), .missingColumn("title"))) }
        columns = Columns(
            count: names.count, title: title, description: column("description", "omschrijving"), theme: column("theme", "thema"),
            tags: column("tags", "labels"), source: column("source", "bron"), submitter: column("submitter", "indiener"),
            stage: column("stage", "fase"),
            contact: column("contact", "antwoord aan") ?? column("reply-to", "antwoord-aan"), received: column("received", "ontvangen"))
        unknownColumns = header.fields.map { $0.trimmingCharactersInWhitespace() }
            .filter { !$0.isEmpty && !Self.knownColumns.contains($0.lowercased()) }
        return .header
    }
}
