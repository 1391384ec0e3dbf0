import AppCore
import Foundation

/// A progress line for long work, on standard error: what is being done, a bar and percentage when the total is known,
/// the count and the rate. It appears only on a terminal (not when standard error is piped, not in CI, not on a dumb
/// terminal), only once the work has taken longer than `delay`, is redrawn at most ten times a second and is wiped when
/// the work ends, so the command's own output is exactly what it is without it. The counting comes from the
/// application or storage layer as a plain closure; only this type knows about terminals.
final class ProgressBar {
    /// What the work is (`importing`) and what it counts (`rows`), in the user's language.
    let label: String
    let unit: String
    private(set) var total: Int?
    private let strings: Strings
    private let write: ((String) -> Void)?
    private let clock: () -> Double
    private let width: Int
    private let start: Double
    private let delay: Double
    private var lastDraw: Double?
    private var count = 0
    private var fraction: Double?

    /// A bar that draws through `write` (nil: never draws), timed by `clock` (seconds).
    init(
        _ label: StringKey, counting unit: StringKey, total: Int? = nil, strings: Strings, width: Int = 80, delay: Double = 0.5,
        clock: @escaping () -> Double = ProgressBar.monotonicSeconds, write: ((String) -> Void)?
    ) {
        self.label = strings[label]
        self.unit = strings[unit]
        self.total = total
        self.strings = strings
        self.width = width
        self.delay = delay
        self.clock = clock
        self.write = write
        start = clock()
    }

    /// A bar on standard error when it is a terminal outside CI, else one that never draws.
    static func onStandardError(_ label: StringKey, counting unit: StringKey, total: Int? = nil, strings: Strings) -> ProgressBar {
        let drawing = shouldDraw(isTerminal: isatty(STDERR_FILENO) != 0, environment: ProcessInfo.processInfo.environment)
        return ProgressBar(label, counting: unit, total: total, strings: strings, width: terminalWidth(),
                           write: drawing ? { FileHandle.standardError.write(Data($0.utf8)) } : nil)
    }

    /// Whether to draw at all: only on a terminal, never in CI (`CI` set) or on a terminal that cannot move the cursor.
    static func shouldDraw(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && environment["CI"] == nil && environment["TERM"] != "dumb"
    }

    /// Sets how far the work is (`done`: the part done when it is not `count` of `total`, such as the bytes of a file read);
    /// draws when it has been running longer than the delay and the last draw is 0.1 s old.
    func update(_ count: Int, done: Double? = nil) {
        self.count = count
        fraction = done
        guard let write else { return }
        let now = clock()
        guard now - start >= delay, lastDraw.map({ now - $0 >= 0.1 }) ?? true else { return }
        lastDraw = now
        write("\r" + line(count: count, seconds: now - start, done: fraction) + "\u{1B}[K")
    }

    /// Ends the work: the line is wiped if it was drawn.
    func finish() {
        guard let write, lastDraw != nil else { return }
        write("\r\u{1B}[K")
        lastDraw = nil
    }

    /// The line for `count` after `seconds`: label, bar and percentage (with a total or the part `done`), count and rate,
    /// cut to the width.
    func line(count: Int, seconds: Double, done: Double? = nil) -> String {
        var parts = [label]
        if let part = done ?? total.flatMap({ $0 > 0 ? Double(count) / Double($0) : nil }) {
            let fraction = min(1, max(0, part))
            let filled = Int((fraction * 20).rounded(.down))
            parts.append("[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled) + "]")
            parts.append(String(format: "%3d%%", Int((fraction * 100).rounded(.down))))
        }
        parts.append("\(grouped(count)) \(unit)")
        let rate = seconds > 0 ? Int((Double(count) / seconds).rounded()) : 0
        parts.append(strings.format(.progressRate, grouped(rate), unit))
        let text = parts.joined(separator: "  ")
        return text.count <= width - 1 ? text : String(text.prefix(max(0, width - 1)))
    }

    /// A whole number with thousands separators as the language writes them: 12,345 or 12.345.
    func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(strings.language == .nl ? "." : ",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }

    /// The width of the terminal on standard error, 80 when it cannot be told.
    static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
