import AppCore
import Domain

/// The links overlay over the weighing screen: where the pages are served, each participant's link and progress, and
/// one participant's QR code at a time, drawn black on white so phones can scan it from the projector.
enum ShareView {
    static let qrStyle = Style(foreground: .black, background: .white)

    static func draw(_ share: ShareState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let info = share.info
        let session = share.weighing.session
        let x = 1
        let y = 1
        let width = grid.width - 2
        let height = grid.height - 2
        guard width > 20, height > 6 else { return }
        Box.overlay(x: x, y: y, width: width, height: height, title: strings.format(.shareTitle, info.session), into: &grid)
        let innerX = x + 2
        let innerWidth = width - 4
        let boxTop = y + 1
        let bottom = y + height - 2  // the hint line
        // The address line wraps rather than being cut.
        let address = wrapped(strings.format(info.localOnly ? .shareLocal : .shareNetwork, info.address), width: innerWidth)
        for (offset, line) in address.enumerated() {
            grid.putPadded(line, x: innerX, y: boxTop + offset, width: innerWidth, style: info.localOnly ? Palette.badge : Palette.warning)
        }
        let top = boxTop + address.count - 1
        let selected = info.entries.indices.contains(share.selected) ? share.selected : 0
        let qr = info.entries.isEmpty ? [] : info.entries[selected].qr
        let qrWidth = qr.first.map { DisplayWidth.of($0) } ?? 0
        let qrHeight = qr.count + 1  // with its label
        let labelTop = top + 2
        let sideBySide = innerWidth >= qrWidth + 3 + 40 && bottom - labelTop >= qrHeight
        let listTop = sideBySide ? labelTop + 1 : labelTop
        let listX = sideBySide ? innerX + qrWidth + 3 : innerX
        let listWidth = sideBySide ? innerWidth - qrWidth - 3 : innerWidth
        let nameWidth = min(16, max(6, info.entries.map { DisplayWidth.of($0.name) }.max() ?? 6))
        // A link is always shown whole: when it does not fit beside the name, it goes on the lines below, wrapped.
        var rowY = listTop
        var listRows = 0
        for (index, entry) in info.entries.enumerated() where rowY < bottom {
            let done = session.progress(of: entry.participant)
            let mark = session.isDone(entry.participant) ? "✓" : " "
            let name = DisplayWidth.truncate(entry.name, to: nameWidth)
            let progress = session.excluded[entry.participant] != nil ? strings[.weighingExcluded]
                : "\(done)/\(session.cellsThisRound) \(mark)"
            let head = (index == selected ? "▶ " : "  ") + name + String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(name)))
                + "  \(progress)  "
            let style = index == selected ? Palette.focusedColumnTitle : .plain
            let rows = DisplayWidth.of(head + entry.url) <= listWidth ? [head + entry.url]
                : [head] + wrapped(entry.url, width: max(1, listWidth - 4)).map { "    " + $0 }
            for row in rows where rowY < bottom {
                grid.putPadded(row, x: listX, y: rowY, width: listWidth, style: style)
                rowY += 1
                listRows += 1
            }
        }
        if !qr.isEmpty {
            let qrTop = sideBySide ? labelTop : listTop + listRows + 1
            if qrTop + qrHeight <= bottom {
                grid.putPadded(strings.format(.shareQRFor, info.entries[selected].name, selected + 1, info.entries.count), x: innerX, y: qrTop,
                               width: innerWidth, style: Palette.label)
                for (offset, line) in qr.enumerated() {
                    grid.put(line, x: innerX, y: qrTop + 1 + offset, style: qrStyle)
                }
            } else {
                grid.putPadded(strings[.shareTooSmall], x: innerX, y: min(bottom - 1, qrTop), width: innerWidth, style: Palette.badge)
            }
        }
        if let message = state.message {
            grid.putPadded(message.text, x: innerX, y: bottom, width: innerWidth, style: message.isError ? Palette.error : Palette.info)
        } else {
            grid.putPadded(strings[.shareHint], x: innerX, y: bottom, width: innerWidth, style: Palette.footer)
        }
    }

    /// The text in lines of at most `width` columns: at spaces where it can, else anywhere (a link has no spaces).
    static func wrapped(_ text: String, width: Int) -> [String] {
        guard DisplayWidth.of(text) > width, width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for character in word {
                if DisplayWidth.of(current + String(character)) > width {
                    lines.append(current)
                    current = ""
                }
                current.append(character)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
