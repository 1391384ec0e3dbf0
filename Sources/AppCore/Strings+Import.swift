import Domain

/// Import problems in the interface language: where in the file (`regel 5`) and what is wrong there.
extension Strings {
    /// `line 5` / `regel 5`, a record of an export's table, or a whole table.
    public func location(_ location: ImportLocation) -> String {
        switch location {
        case .line(let line): format(.importLine, line)
        case .record(let table, let number, let id?): format(.importRecordWithID, table, number, id)
        case .record(let table, let number, nil): format(.importRecord, table, number)
        case .table(let table): format(.importTable, ImportProblem.echo(table))
        }
    }

    /// `regel 5, stage: …` — the place, the field when one is at fault, and the reason.
    public func importProblem(_ problem: ImportProblem) -> String {
        let reason = importReason(problem.reason)
        guard let field = problem.field else { return "\(location(problem.location)): \(reason)" }
        return "\(location(problem.location)), \(ImportProblem.echo(field)): \(reason)"
    }

    private func importReason(_ reason: ImportProblem.Reason) -> String {
        switch reason {
        case .rule(let error):
            // Inside a line after the field's name, so it starts in lower case: `regel 4, title: de titel is leeg: …`.
            { $0.prefix(1).lowercased() + $0.dropFirst() }(self.error(error))
        case .missing: self[.importMissing]
        case .expected(let kind, let found): format(.importExpected, kind, found)
        case .notWholeNumber(let text): format(.importNotWholeNumber, text)
        case .notFinite: self[.importNotFinite]
        case .outOfRange(let text, let allowed): format(.importOutOfRange, text, allowed)
        case .notDay(let text): format(.importNotDay, text)
        case .notTimestamp(let text): format(.importNotTimestamp, text)
        case .unknownValue(let text, let allowed): format(.importUnknownValue, text, allowed.joined(separator: ", "))
        case .duplicateID(let id): format(.importDuplicateID, id)
        case .duplicateKey(let what): format(.importDuplicateKey, what)
        case .missingReference(let table, let id): format(.importMissingReference, table, id)
        case .notJSON(let expected): format(.importNotJSON, expected)
        case .unknownField: self[.importUnknownField]
        case .unknownTable: self[.importUnknownTable]
        case .fieldCount(let found, let header): format(.importFieldCount, found, header)
        case .missingColumn(let name): format(.importMissingColumn, name)
        case .emptyFile: self[.importEmptyFile]
        case .syntax(let message): message
        }
    }
}
