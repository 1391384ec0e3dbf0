import Foundation

/// Problems the command line reports that are not domain rules or storage failures.
enum CLIError: Error, CustomStringConvertible, LocalizedError {
    case cannotRead(String, String)
    case fileTooLarge(String, limit: Int)
    case notText(String)
    case badFile(String, [String])

    var description: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .fileTooLarge(let path, let limit):
            "\(path) is larger than \(limit / 1_048_576) MiB: split it, or check that it is the right file"
        case .notText(let path): "\(path) is not UTF-8 text: save it as CSV UTF-8 and try again"
        case .badFile(let path, let errors):
            "\(path) has \(errors.count) error\(errors.count == 1 ? "" : "s"); nothing was imported:\n  " + errors.prefix(50).joined(separator: "\n  ")
                + (errors.count > 50 ? "\n  … and \(errors.count - 50) more" : "")
        }
    }

    var errorDescription: String? { description }
}

/// Reading input files with a size limit, so a wrong file is refused quickly.
enum InputFile {
    static let limit = 64 * 1_048_576

    static func readText(_ path: String) throws -> String {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw CLIError.cannotRead(path, "no such file")
        }
        if let size = attributes[.size] as? Int, size > limit { throw CLIError.fileTooLarge(path, limit: limit) }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.cannotRead(path, "permission denied") }
        guard let text = String(data: data, encoding: .utf8) else {
            var lines: [String] = []
            for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
            where String(data: Data(line), encoding: .utf8) == nil {
                lines.append("line \(index + 1): not valid UTF-8 text")
                if lines.count == 20 { break }
            }
            throw CLIError.badFile(path, lines.isEmpty ? ["the file is not UTF-8 text: save it as 'CSV UTF-8'"] : lines)
        }
        return text
    }
}
