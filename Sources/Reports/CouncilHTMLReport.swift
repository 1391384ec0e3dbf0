import AppCore
import Domain

/// The council report as one self-contained HTML file: inline CSS (A4 print and phone width), inline SVG charts, no
/// scripts, no external resources, every text escaped. No personal data.
public enum CouncilHTMLReport {
    public static func render(_ data: CouncilData, strings: Strings) -> String {
        let e = HTML.escape
        var body: [String] = ["<h1>\(e(strings[.councilTitle]))</h1>", "<p class=\"meta\">\(e(strings.format(.councilDate, data.today)))</p>",
                              "<p>\(e(strings[.councilIntro]))</p>"]
        for challenge in data.challenges(strings: strings) {
            body.append("<section class=\"challenge\"><h2>\(e(strings.format(.councilChallenge, challenge.name)))</h2>")
            var parts = [(strings[.councilTried], challenge.tried), (strings[.councilLearned], challenge.learned),
                         (strings[.councilDecided], challenge.decided), (strings[.councilNext], challenge.next),
                         (strings[.councilQuestions], challenge.questions)]
            if !challenge.cases.isEmpty { parts.append((strings[.councilCases], challenge.cases)) }
            for (heading, lines) in parts {
                body.append("<h3>\(e(heading))</h3>")
                body.append(lines.isEmpty ? "<p>\(e(strings[.councilNothingYet]))</p>"
                            : "<ul>" + lines.map { "<li>\(e($0))</li>" }.joined() + "</ul>")
            }
            body.append("</section>")
        }
        body.append("<section class=\"figures\"><h2>\(e(strings[.councilFigures]))</h2><table><tbody>")
        for (label, value) in strings.learningFigures(data.learning, triageDays: data.triageDays) {
            body.append("<tr><th>\(e(label))</th><td>\(e(value))</td></tr>")
        }
        body.append("</tbody></table>")
        for chart in data.charts(strings: strings) {
            body.append("<figure><figcaption>\(e(chart.title))</figcaption>")
            body.append(chart.svg(escape: e))
            body.append("</figure>")
        }
        body.append("<p class=\"meta\">\(e(strings[.councilDefinitions]))</p></section>")
        return HTMLDocument.page(language: strings.language.rawValue, title: e(strings[.councilTitle]), style: style, body: body)
    }

    /// Readable on a phone (one column, charts scale to the width) and printed on A4 (no section split over pages).
    static let style = """
        body { font-family: system-ui, sans-serif; line-height: 1.45; color: #1a1a1a; max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; margin-bottom: 0.2rem; }
        .meta { color: #555; }
        ul { padding-left: 1.2rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 0.2rem 0.4rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        figure { margin: 1rem 0; } figcaption { font-weight: bold; }
        svg.chart { width: 100%; height: auto; font-size: 11px; }
        svg .bar { fill: #2b6cb0; } svg .axis { stroke: #333; stroke-width: 1; }
        svg .target { stroke: #c53030; stroke-width: 2; stroke-dasharray: 5 3; } svg .target-label { fill: #c53030; }
        svg .axis-title { font-weight: bold; }
        @media (max-width: 600px) { body { margin: 0.5rem auto; font-size: 1rem; } h1 { font-size: 1.3rem; } th, td { display: block; } }
        @page { size: A4; margin: 18mm 16mm; }
        @media print { body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; } section, figure { break-inside: avoid; } }
        """
}
