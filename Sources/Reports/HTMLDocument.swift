/// The one self-contained page both HTML reports are written into: language, title, inline style and body, nothing
/// loaded from elsewhere.
enum HTMLDocument {
    /// The whole page; `title` is escaped already, `style` and `body` are the report's own markup.
    static func page(language: String, title: String, style: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }
}
