/// The one rule for turning a row of an import file into an idea, shared by CSV and JSON imports: every row is
/// checked, every problem is named with its line or record and field, and nothing is imported while any remains.
public enum IdeaImport {
    /// Checks one row: a draft with cleaned fields, or every problem the row has.
    public static func check(_ row: IdeaRow) -> Result<IdeaDraft, ImportFailure> {
        var problems: [ImportProblem] = []
        var source: IdeaSource? = nil
        if let name = row.source, !name.trimmingCharactersInWhitespace().isEmpty {
            source = IdeaSource(name: name)
            if source == nil { problems.append(ImportProblem(row.location, field: "source", .rule(.unknownSource(ImportProblem.echo(name))))) }
        }
        var stage = Stage.proposed
        if let name = row.stage, !name.trimmingCharactersInWhitespace().isEmpty {
            if let parsed = Stage(name: name) {
                stage = parsed
            } else {
                problems.append(ImportProblem(row.location, field: "stage", .rule(.unknownStage(ImportProblem.echo(name)))))
            }
        }
        let fields = IdeaFields(
            title: row.title, description: row.description, source: source, submitter: row.submitter, theme: row.theme, tags: row.tags)
        var clean = fields
        do {
            clean = try fields.validated()
        } catch {
            // Named by the field it is about: a description too long is not the title's problem.
            var field = "title"
            if case .textTooLong(let name, _) = error { field = name == "tag" ? "tags" : name }
            problems.insert(ImportProblem(row.location, field: field, .rule(error)), at: 0)
        }
        var receivedOn: DayDate? = nil
        if let text = row.received?.trimmingCharactersInWhitespace(), !text.isEmpty {
            receivedOn = DayDate(parsing: text)
            if receivedOn == nil { problems.append(ImportProblem(row.location, field: "received", .notDay(ImportProblem.echo(text)))) }
        }
        let replyTo = row.replyTo.map { TextSanitizer.singleLine($0).trimmingCharactersInWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        if let replyTo, replyTo.count > TextLimit.line {
            problems.append(ImportProblem(row.location, field: "contact", .rule(.textTooLong(field: "contact", limit: TextLimit.line))))
        }
        guard problems.isEmpty else { return .failure(ImportFailure(problems)) }
        var draft = IdeaDraft(location: row.location, fields: clean, stage: stage, wasCleaned: row.containsControlCharacters)
        draft.replyTo = replyTo
        draft.receivedOn = receivedOn
        return .success(draft)
    }

    /// Reads ideas from CSV: a header naming `title` (or `titel`) and optionally `description`, `theme`, `tags`,
    /// `source`, `submitter`, `stage`, `contact` and `received` (or their Dutch names), then one idea per record.
    /// A row without a stage is an idea from outside the team (a form tool's export): it lands in the inbox.
    public static func csv(_ text: String) -> Result<[IdeaDraft], ImportFailure> {
        let records: [CSVRecord]
        do { records = try CSV.parse(text) } catch {
            return .failure(ImportFailure([ImportProblem(.line(error.line), .syntax(error.message))]))
        }
        guard !records.isEmpty else { return .failure(ImportFailure([ImportProblem(.line(1), .emptyFile)])) }
        var reader = IdeaCSVReader()
        var drafts: [IdeaDraft] = []
        var problems: [ImportProblem] = []
        for record in records {
            switch reader.read(record) {
            case .header: break
            case .unusableHeader(let problem): return .failure(ImportFailure([problem]))
            case .draft(let draft): drafts.append(draft)
            case .problems(let found): problems += found
            }
        }
        guard problems.isEmpty else { return .failure(ImportFailure(problems)) }
        return .success(drafts)
    }

    /// Rows that look like a stored idea or an earlier row of the same file, by `Similarity`'s formula: each row
    /// is compared with the stored titles and the rows before it (at most `limit` matches per row, searched within an
    /// import's budget: see `DuplicateIndex.nearestThenInsert(_:title:limit:budget:)`).
    public static func likelyDuplicates(of drafts: [IdeaDraft], stored: [(IdeaID, String)], limit: Int = 1) -> [ImportDuplicate] {
        var index = DuplicateIndex(stored.lazy.map { (DuplicateSource.stored($0.0), $0.1) })
        var found: [ImportDuplicate] = []
        for draft in drafts {
            found += index.nearestThenInsert(
                .row(draft.location), title: draft.fields.title, limit: limit, budget: DuplicateIndex<DuplicateSource>.importBudget)
                .map { ImportDuplicate(location: draft.location, match: $0) }
        }
        return found
    }
}
