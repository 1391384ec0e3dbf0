import AppCore
import Foundation
import Domain

/// Report wording in Dutch and English (kept apart from the interface's string table: a report is a document).
struct ReportText {
    let nl: Bool
    let strings: Strings

    init(_ strings: Strings) {
        self.strings = strings
        nl = strings.language == .nl
    }

    func t(_ english: String, _ dutch: String) -> String { nl ? dutch : english }

    var title: String { t("Portfolio report", "Portfoliorapportage") }
    var summary: String { t("Summary", "Samenvatting") }
    var funnel: String { t("Ideas per stage", "Ideeën per fase") }
    var perStage: String { t("Ideas by stage", "Ideeën per fase, met thema en bron") }
    var running: String { t("Running experiments", "Lopende experimenten") }
    var learnings: String { t("What we learned", "Wat we leerden") }
    var decisions: String { t("Decisions", "Besluiten") }
    var moves: String { t("Stage changes and their reasons", "Faseovergangen en hun redenen") }
    var stopped: String { t("Stopped, and why", "Gestopt, en waarom") }
    var throughput: String { t("Throughput per month (scaled / stopped)", "Doorstroom per maand (opgeschaald / gestopt)") }
    var leadTime: String { t("Median days in stage", "Mediane doorlooptijd per fase (dagen)") }
    var overdue: String { t("overdue", "verlopen") }
    var none: String { t("None.", "Geen.") }
    var values: String { t("The council's values", "De waarden van de raad") }

    /// The line under the values heading: which set, which values, where the scores come from.
    func valuesIntro(_ values: ValuesScores) -> String {
        t("How ideas and experiments score on the values in \"\(values.setName)\" (\(values.criteria.joined(separator: ", "))), from the latest closed weighing session per idea; score 0–100, higher is closer to the values.",
          "Hoe ideeën en experimenten scoren op de waarden in \"\(values.setName)\" (\(values.criteria.joined(separator: ", "))), uit de laatste afgesloten weegsessie per idee; score 0–100, hoger is dichter bij de waarden.")
    }

    /// The column headers of the values table.
    var valuesColumns: [String] {
        [t("idea", "idee"), t("stage", "fase"), t("score", "score"), t("rank", "rang"), t("session", "sessie")]
    }

    /// What the table says when no closed session used the values set yet.
    var valuesNone: String {
        t("No closed weighing session used the values set yet.", "Nog geen afgesloten weegsessie gebruikte de set met waarden.")
    }

    /// A number with a decimal comma in Dutch: two decimals at most, or `decimals` exactly.
    func number(_ value: Double, decimals: Int? = nil) -> String {
        let text = decimals.map { String(format: "%.\($0)f", value) } ?? NumberText.plain(value)
        return nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// " (over the WIP limit: why)" after a move that went over one, else "".
    func override(_ entry: HistoryEntry) -> String {
        entry.wipOverride.map { " (" + strings.format(.historyWipOverride, $0) + ")" } ?? ""
    }
}
