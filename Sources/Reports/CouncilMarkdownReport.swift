import AppCore
import Domain

/// The council report as Markdown: per local challenge what was tried, learned, decided and why, what comes next and
/// the questions the council could ask; then the learning-capacity figures with text charts. No personal data.
public enum CouncilMarkdownReport {
    public static func render(_ data: CouncilData, strings: Strings) -> String {
        func esc(_ text: String) -> String { MarkdownEscape.inline(text) }
        var out = ["# \(esc(strings[.councilTitle]))", "", strings.format(.councilDate, data.today), "", esc(strings[.councilIntro]), ""]
        for challenge in data.challenges(strings: strings) {
            out += ["## \(esc(strings.format(.councilChallenge, challenge.name)))", ""]
            for (heading, lines) in [(strings[.councilTried], challenge.tried), (strings[.councilLearned], challenge.learned),
                                     (strings[.councilDecided], challenge.decided), (strings[.councilNext], challenge.next),
                                     (strings[.councilQuestions], challenge.questions)] {
                out += ["### \(esc(heading))", ""]
                out += lines.isEmpty ? [esc(strings[.councilNothingYet])] : lines.map { "- " + esc($0) }
                out.append("")
            }
            if !challenge.cases.isEmpty {
                out += ["### \(esc(strings[.councilCases]))", ""]
                out += challenge.cases.map { "- " + esc($0) }
                out.append("")
            }
        }
        out += ["## \(esc(strings[.councilFigures]))", ""]
        for (label, value) in strings.learningFigures(data.learning, triageDays: data.triageDays) {
            out.append("- \(esc(label)): \(esc(value))")
        }
        out.append("")
        for chart in data.charts(strings: strings) {
            out += ["### \(esc(chart.title))", "", "```"] + chart.text() + ["```", ""]
        }
        out.append(esc(strings[.councilDefinitions]))
        return out.joined(separator: "\n") + "\n"
    }
}
