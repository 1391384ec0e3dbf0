/// The eight basic terminal colours, plus the terminal's own default.
public enum Color: UInt8, Sendable, Hashable, CaseIterable {
    case standard, black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. Colours are dropped under `NO_COLOR`; attributes stay.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: Color = .standard, background: Color = .standard, bold: Bool = false, dim: Bool = false,
        reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}

/// The named styles of the interface, so views say what a thing is rather than how it looks.
public enum Palette {
    public static let header = Style(foreground: .white, background: .blue, bold: true)
    /// The header's notice that the connection to the database server is lost.
    public static let offline = Style(foreground: .white, background: .red, bold: true)
    public static let border = Style(dim: true)
    public static let focusedBorder = Style(foreground: .cyan, bold: true)
    public static let columnTitle = Style(bold: true)
    public static let focusedColumnTitle = Style(foreground: .cyan, bold: true)
    public static let cardTitle = Style.plain
    public static let badge = Style(dim: true)
    public static let theme = Style(foreground: .magenta)
    public static let selected = Style(reverse: true)
    public static let selectedBadge = Style(reverse: true)
    public static let footer = Style(dim: true)
    public static let info = Style(foreground: .green)
    public static let error = Style(foreground: .red, bold: true)
    public static let warning = Style(foreground: .yellow, bold: true)
    public static let label = Style(bold: true)
    public static let field = Style(underline: true)
    public static let focusedField = Style(reverse: true)
    /// Selected text in a field: typing replaces it.
    public static let selection = Style(foreground: .cyan, bold: true, underline: true)
    /// The rest of a suggested value after the cursor (→ takes it).
    public static let completion = Style(dim: true, reverse: true)
    public static let overlay = Style.plain
    public static let tab = Style.plain
    public static let focusedTab = Style(reverse: true, underline: false)
}
