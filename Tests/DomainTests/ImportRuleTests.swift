import Domain
import Foundation
import Testing

@Suite("Import: one rule for CSV rows and JSON records")
struct ImportRuleTests {
    /// A valid one-idea export table set, as `export --format json` writes it.
    func validTables() -> [String: [[String: JSONValue]]] {
        [
            "idea": [[
                "id": .int(1), "title": .string("Buurtkamer"), "description": .string(""), "source": .string("resident"),
                "submitter": .null, "theme": .string("Wijk"), "tags": .array([.string("a")]), "stage": .string("experimenting"),
                "position": .int(1), "createdAt": .string("2026-08-02 09:55:00.253"), "updatedAt": .string("2026-08-02 09:55:00.253"),
                "reviewDate": .string("2026-11-28"), "stopCategory": .null, "stopLearned": .null, "cycleCount": .int(1),
                "weighScore": .double(0.5), "weighRank": .int(1), "weighSession": .null, "mergedInto": .null,
            ]],
            "cycle": [[
                "id": .int(1), "ideaId": .int(1), "number": .int(1), "hypothesis": .string("h"), "action": .string("a"),
                "metric": .string("m"), "success": .string("s"), "owner": .string("o"), "reviewDate": .string("2026-11-28"),
                "startedAt": .string("2026-10-01 09:55:00.253"), "observed": .null, "learned": .null, "therefore": .null,
            ]],
            "measurement": [["id": .int(1), "cycleId": .int(1), "date": .string("2026-10-02"), "value": .double(7.5), "note": .string("")]],
            "wipLimit": [["stage": .string("experimenting"), "limit": .int(5), "hard": .int(0)]],
            "event": [[
                "id": .int(1), "at": .string("2026-08-02 09:55:00.253"), "actor": .string("An"), "ideaId": .int(1),
                "kind": .string("created"), "reason": .null, "before": .null, "after": .string("{}"),
            ]],
        ]
    }

    func problems(_ tables: [String: [[String: JSONValue]]]) -> [String] {
        guard case .failure(let failure) = PortfolioImport.check(tables) else { return [] }
        return failure.problems.map(\.description)
    }

    @Test func aValidExportGivesOneDraftPerIdea() throws {
        let drafts = try PortfolioImport.check(validTables()).get()
        #expect(drafts == [IdeaDraft(location: .record(table: "idea", number: 1, id: 1),
                                     fields: IdeaFields(title: "Buurtkamer", source: .resident, theme: "Wijk", tags: ["a"]), stage: .experimenting)])
    }

    @Test(arguments: [
        ("idea", "stage", JSONValue.string("klaar"), "idea record 1 (id 1), stage: unknown stage 'klaar': use proposed"),
        ("idea", "title", .string(String(repeating: "x", count: 300)),
         "idea record 1 (id 1), title: the title is longer than \(IdeaFields.titleLimit) characters"),
        ("idea", "title", .string(" \u{1B}[2J "), "idea record 1 (id 1), title: the title is empty"),
        ("idea", "source", .string("alien"), "idea record 1 (id 1), source: unknown source 'alien'"),
        ("idea", "reviewDate", .string("30-11-2026"), "idea record 1 (id 1), reviewDate: '30-11-2026' is not a date: use YYYY-MM-DD"),
        ("idea", "createdAt", .string("gisteren"), "idea record 1 (id 1), createdAt: 'gisteren' is not a time"),
        ("idea", "stopCategory", .string("moe"), "idea record 1 (id 1), stopCategory: unknown stop category 'moe'"),
        ("idea", "cycleCount", .int(-1), "idea record 1 (id 1), cycleCount: -1 is out of range: use 0 or more"),
        ("idea", "position", .double(1.5), "idea record 1 (id 1), position: '1.5' is not a whole number"),
        ("idea", "mergedInto", .int(99), "idea record 1 (id 1), mergedInto: there is no idea 99 in the file"),
        ("idea", "tags", .string("a, b"), "idea record 1 (id 1), tags: expected a list of texts, found 'a, b'"),
        ("idea", "theme", .null, "idea record 1 (id 1), theme: missing"),
        ("idea", "colour", .string("rood"), "idea record 1 (id 1), colour: unknown field"),
        ("cycle", "ideaId", .int(2), "cycle record 1 (id 1), ideaId: there is no idea 2 in the file"),
        ("measurement", "value", .unrepresentableNumber, "measurement record 1 (id 1), value: the number is too large or too small"),
        ("measurement", "value", .string("NaN"), "measurement record 1 (id 1), value: expected a number, found 'NaN'"),
        ("measurement", "cycleId", .int(3), "measurement record 1 (id 1), cycleId: there is no cycle 3 in the file"),
        ("wipLimit", "limit", .int(-2), "wipLimit record 1, limit: a WIP limit must be 1 or more, not -2"),
        ("wipLimit", "limit", .int(0), "wipLimit record 1, limit: a WIP limit must be 1 or more, not 0"),
        ("wipLimit", "stage", .string("voorgesteld"), "wipLimit record 1, stage: unknown stage 'voorgesteld'"),
        ("event", "kind", .string("exploded"), "event record 1 (id 1), kind: unknown value 'exploded': use created, edited"),
    ])
    func eachProblemIsNamed(table: String, field: String, value: JSONValue, expected: String) {
        var tables = validTables()
        tables[table]![0][field] = value
        let found = problems(tables)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix(expected) == true, "\(found)")
    }

    @Test func everyProblemOfEveryRecordIsListedInFileOrder() {
        var tables = validTables()
        tables["idea"]![0]["stage"] = .string("klaar")
        tables["idea"]![0]["source"] = .string("alien")
        tables["idea"]!.append(tables["idea"]![0])
        tables["measurement"]![0]["date"] = .string("2026-02-30")
        tables["extra"] = []
        #expect(problems(tables) == [
            "table 'extra': unknown table: this version's export has no such table",
            "idea record 1 (id 1), source: unknown source 'alien': use resident, professional, partner or internal",
            "idea record 1 (id 1), stage: " + DomainError.unknownStage("klaar").description,
            "idea record 2 (id 1), id: id 1 is used by an earlier record of the same table: ids must be unique",
            "idea record 2 (id 1), source: unknown source 'alien': use resident, professional, partner or internal",
            "idea record 2 (id 1), stage: " + DomainError.unknownStage("klaar").description,
            "measurement record 1 (id 1), date: '2026-02-30' is not a date: use YYYY-MM-DD",
        ])
    }

    @Test func fileTextIsCleanedAndCutBeforeItIsEchoed() {
        var tables = validTables()
        tables["idea"]![0]["stage"] = .string("\u{1B}]0;owned\u{7}klaar\u{1B}[31m" + String(repeating: "é", count: 100))
        let found = problems(tables)
        #expect(found.count == 1)
        #expect(!found[0].unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(found[0].contains("'klaar" + String(repeating: "é", count: ImportProblem.echoLimit - 5) + "…'"))
    }

    @Test func outOfRangeNumbersAreReadAsSuchNotAsAnUnreadableFile() throws {
        let values = try JSONDecoder().decode([JSONValue].self, from: Data("[1e400, -1e400, 1.5, 2, \"NaN\"]".utf8))
        #expect(values == [.unrepresentableNumber, .unrepresentableNumber, .double(1.5), .int(2), .string("NaN")])
    }

    @Test func timesAreReadInTheirStoredForm() {
        for valid in ["2026-08-02 09:55:00.253", "2026-08-02 09:55:00", "2024-02-29 23:59:59.5"] {
            var tables = validTables()
            tables["idea"]![0]["createdAt"] = .string(valid)
            #expect(problems(tables).isEmpty, "\(valid)")
        }
        for invalid in ["2026-08-02T09:55:00Z", "2026-08-02 24:00:00", "2025-02-29 10:00:00", "2026-08-02 09:55:00.", "2026-8-2 09:55:00"] {
            var tables = validTables()
            tables["idea"]![0]["createdAt"] = .string(invalid)
            #expect(problems(tables).count == 1, "\(invalid)")
        }
    }

    @Test func csvRowsNameLineAndFieldAndEveryProblemOfARow() {
        let text = "titel;fase;bron\nGoed idee;voorgesteld;inwoner\n;klaar;alien\n\(String(repeating: "x", count: 300));;\nEen;twee;drie;vier\n"
        guard case .failure(let failure) = IdeaImport.csv(text) else {
            Issue.record("expected problems")
            return
        }
        #expect(failure.problems.map(\.description) == [
            "line 3, title: the title is empty: give the idea a title",
            "line 3, source: unknown source 'alien': use resident, professional, partner or internal",
            "line 3, stage: " + DomainError.unknownStage("klaar").description,
            "line 4, title: " + DomainError.titleTooLong(limit: IdeaFields.titleLimit).description,
            "line 5: 4 fields where the header has 3",
        ])
        #expect(throws: ImportFailure([ImportProblem(.line(1), .missingColumn("title"))])) { try IdeaImport.csv("naam\nx\n").get() }
        #expect(throws: ImportFailure([ImportProblem(.line(1), .emptyFile)])) { try IdeaImport.csv("").get() }
    }

    /// A case note in a file is held to the rule of the form: personal data in it (here the file's own submitter, a phone
    /// number and a postcode) refuses the whole import, naming the note and its field.
    @Test func aCaseNoteWithPersonalDataRefusesTheImport() {
        var tables = validTables()
        tables["idea"]![0]["submitter"] = .string("Fatima El Amrani")
        let note: [String: JSONValue] = [
            "id": .int(1), "ideaId": .int(1), "cycle": .int(1), "date": .string("2026-10-03"), "publishable": .int(1),
            "text": .string("Mevrouw El Amrani belde van 0612345678"), "shows": .string("Woont in 1234 AB"),
            "createdAt": .string("2026-10-03 09:55:00.253"),
        ]
        tables["caseNote"] = [note]
        #expect(problems(tables) == [
            "caseNote record 1 (id 1), text: " + DomainError.personalDataInCase([.name, .phone]).description,
            "caseNote record 1 (id 1), shows: " + DomainError.personalDataInCase([.address]).description,
        ])
        tables["caseNote"]![0]["text"] = .string("Een moeder belde over [telefoon]")
        tables["caseNote"]![0]["shows"] = .string("Het loket was dicht")
        #expect(problems(tables) == [])
    }

    @Test func csvAndJSONUseTheSameWordsForTheSameRowProblems() {
        let long = String(repeating: "x", count: 300)
        guard case .failure(let csv) = IdeaImport.csv("title,stage,source\n\(long),klaar,alien\n") else {
            Issue.record("expected problems")
            return
        }
        var tables = validTables()
        tables["idea"]![0]["title"] = .string(long)
        tables["idea"]![0]["stage"] = .string("klaar")
        tables["idea"]![0]["source"] = .string("alien")
        guard case .failure(let json) = PortfolioImport.check(tables) else {
            Issue.record("expected problems")
            return
        }
        #expect(csv.problems.map(\.location) == [.line(2), .line(2), .line(2)])
        #expect(csv.problems.map(\.field) == json.problems.map(\.field))
        #expect(csv.problems.map(\.reason) == json.problems.map(\.reason))
    }

    @Test func cleanedRowsAreMarked() throws {
        let drafts = try IdeaImport.csv("title,description\nBuurt\u{1B}[31mkamer,\"twee\nregels\"\nTaalcafé,\n").get()
        #expect(drafts.map(\.fields.title) == ["Buurtkamer", "Taalcafé"])
        #expect(drafts.map(\.wasCleaned) == [true, false], "a newline in a description is not a control character to warn about")
    }
}
