import AppCore
import Domain
import Foundation

/// The participant's page and the short pages that say why not, as self-contained HTML: no script, no font or file
/// from anywhere, one small inline style sheet, usable at phone width.
enum PageHTML {
    /// The scoring page: the participant's own grid (only their own scores), progress, and "done" when complete.
    static func scoring(
        session: WeighingSession, participant: Int, titles: [IdeaID: String], token: ParticipantToken, strings: Strings,
        error: String? = nil
    ) -> String {
        let id = session.id?.description ?? ""
        let scored = session.progress(of: participant)
        let total = session.cellsThisRound
        let action = "/p/\(token.text)"
        var body = """
            <header>
            <h1>\(escape(strings.format(.pageTitle, id)))</h1>
            <p id="who">\(escape(strings.format(.pageScoringAs, session.participants[participant])))</p>
            <p class="progress"><progress value="\(scored)" max="\(total)"></progress> <span id="progress">\(escape(strings.format(.pageProgress, scored, total)))</span></p>
            </header>
            <main>

            """
        if let error { body += "<p class=\"error\" role=\"alert\">\(escape(strings.format(.pageRefused, error)))</p>\n" }
        if session.isDone(participant) {
            body += "<p class=\"done\" id=\"done\" role=\"status\">\(escape(strings.format(strings.counted(total, .participantDone, one: .participantDoneOne), total)))</p>\n"
        } else {
            body += "<p class=\"note\">\(escape(strings[.participantBlind]))</p>\n"
        }
        if session.revote != nil, session.status == .open { body += "<p class=\"note\">\(escape(strings[.participantNotInRound]))</p>\n" }
        if session.status == .revealed { body += "<p class=\"note\">\(escape(strings[.participantRevealed]))</p>\n" }
        for idea in session.ideas {
            let title = "\(idea) \(titles[idea] ?? "")"
            body += "<section id=\"i\(idea.rawValue)\">\n<h2>\(escape(title))</h2>\n"
            for (index, criterion) in session.criteria.enumerated() {
                let key = ScoreKey(participant: participant, idea: idea, criterion: index)
                let current = session.entry(key)
                let direction = strings[criterion.direction == .benefit ? .participantBenefit : .participantCost]
                body += """
                    <form method="post" action="\(action)" id="c\(idea.rawValue)-\(index)">
                    <input type="hidden" name="idea" value="\(idea.rawValue)"><input type="hidden" name="criterion" value="\(index)">
                    <fieldset><legend>\(escape(criterion.name)) <small>\(criterion.scaleMin)–\(criterion.scaleMax), \(escape(direction))</small></legend>

                    """
                if !criterion.description.isEmpty { body += "<p class=\"hint\">\(escape(criterion.description))</p>\n" }
                body += "<div class=\"scores\">"
                guard session.isOpen(key.cell) else {
                    // Round 2: a cell not voted on again stays as round 1 left it; no buttons.
                    let kept: String
                    switch current {
                    case .score(let value)?: kept = "\(value)"
                    case .abstain?: kept = strings[.pageAbstained]
                    case nil: kept = strings[.pageNotScored]
                    }
                    body += "<span class=\"open\">\(escape(kept)) · \(escape(strings[.pageNotInRound]))</span></div></fieldset></form>\n"
                    continue
                }
                for value in criterion.scaleMin...criterion.scaleMax {
                    let label = strings.format(.pageScoreLabel, value, criterion.name, title)
                    body += "<button name=\"score\" value=\"\(value)\" aria-pressed=\"\(current == .score(value))\" aria-label=\"\(escape(label))\">\(value)</button>"
                }
                body += "<button name=\"score\" value=\"abstain\" class=\"abstain\" aria-pressed=\"\(current == .abstain)\">\(escape(strings[.pageAbstain]))</button>"
                body += current == nil
                    ? "<span class=\"open\">\(escape(strings[.pageNotScored]))</span>"
                    : "<button name=\"score\" value=\"\" class=\"clear\">\(escape(strings[.pageClear]))</button>"
                body += "</div></fieldset></form>\n"
            }
            body += "</section>\n"
        }
        body += "</main>\n"
        return document(title: strings.format(.pageTitle, id), language: strings.language, body: body)
    }

    /// A short page that says why the request was not served (ended link, closed session, not valid, too large …).
    static func message(title: String, text: String, language: Language) -> String {
        document(title: title, language: language,
                 body: "<main class=\"message\">\n<h1>\(escape(title))</h1>\n<p>\(escape(text))</p>\n</main>\n")
    }

    private static func document(title: String, language: Language, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(language == .nl ? "nl" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// Phone first: system fonts only, large buttons, the progress kept in view.
    static let style = """
        :root{color-scheme:light dark;--accent:#1d6b3a;--line:#8884}
        *{box-sizing:border-box}
        body{margin:0;font:17px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        header{position:sticky;top:0;padding:.6rem 1rem;background:Canvas;border-bottom:1px solid var(--line)}
        h1{font-size:1.25rem;margin:0}header p{margin:.2rem 0}
        progress{width:8rem;vertical-align:middle}
        main{padding:0 1rem 2rem;max-width:40rem;margin:0 auto}
        section{margin:1rem 0;padding-bottom:.5rem;border-bottom:1px solid var(--line);scroll-margin-top:7rem}
        h2{font-size:1.1rem;margin:.8rem 0 .3rem}
        form{scroll-margin-top:7rem}
        fieldset{border:0;margin:.3rem 0;padding:0}
        legend{font-weight:600;padding:0}legend small{font-weight:400;opacity:.75}
        .hint{margin:.1rem 0 .3rem;font-size:.9rem;opacity:.8}
        .scores{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-top:.3rem}
        button{min-width:2.9rem;min-height:2.9rem;font:inherit;font-weight:600;border:2px solid var(--accent);border-radius:.5rem;background:Canvas;color:CanvasText}
        button[aria-pressed=true]{background:var(--accent);color:#fff}
        button.clear,button.abstain{min-width:auto;font-weight:400;border-color:var(--line);padding:0 .7rem}
        button.abstain[aria-pressed=true]{background:#666;border-color:#666}
        .open{opacity:.7;font-size:.9rem}
        .done{padding:.8rem;border-radius:.5rem;background:var(--accent);color:#fff;font-weight:600}
        .note{opacity:.8}
        .error{padding:.8rem;border-radius:.5rem;background:#a8201a;color:#fff}
        .message{padding-top:2rem}
        """

    /// Text made safe for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in TextSanitizer.singleLine(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
