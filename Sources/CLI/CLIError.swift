import AppCore
import Domain
import Foundation

/// Problems the command line reports that are not domain rules or storage failures.
enum CLIError: Error, CustomStringConvertible, LocalizedError {
    case noSuchFile(String)
    case notReadable(String)
    case cannotWrite(String, String)
    case fileTooLarge(String, limit: Int)
    case notText(String)
    case badFile(String, [String])
    case noBackup(String)
    // Hardening
    /// An output file inside the data directory (or another name of one of its files).
    case insideDataDirectory(String)
    /// Copies that `forget` could neither rewrite nor delete, which may still hold the erased name.
    case copiesRemain(Int)
    /// Options that do not go together, or an argument in the wrong form: the text's key and what fills it in.
    case usage(StringKey, [String])
    /// `report --for council` with an option it does not take (it covers the whole portfolio and never personal data).
    case councilReportOptions

    /// The message in the language of `strings`; paths and file contents are cleaned for the terminal.
    func message(in strings: Strings) -> String {
        let clean = TextSanitizer.singleLine
        return switch self {
        case .noSuchFile(let path): strings.format(.cliNoSuchFile, clean(path))
        case .notReadable(let path): strings.format(.cliNotReadable, clean(path))
        case .cannotWrite(let path, let reason): strings.format(.cliCannotWrite, clean(path), clean(reason))
        case .fileTooLarge(let path, let limit): strings.format(.cliFileTooLarge, clean(path), limit / 1_048_576)
        case .notText(let path): strings.format(.cliNotText, clean(path))
        case .badFile(let path, let errors):
            (errors.count == 1 ? strings.format(.cliBadFileOne, clean(path)) : strings.format(.cliBadFileMany, clean(path), errors.count))
                + "\n  " + errors.prefix(50).map { String(clean($0).prefix(300)) }.joined(separator: "\n  ")
                + (errors.count > 50 ? "\n  " + strings.format(.cliBadFileMore, errors.count - 50) : "")
        case .noBackup(let path): strings.format(.cliNoBackup, clean(path))
        case .insideDataDirectory(let path): strings.format(.cliInsideDataDirectory, clean(path))
        case .copiesRemain(let count): strings.format(.cliCopiesRemain, count)
        case .usage(let key, let arguments):
            arguments.enumerated().reduce(strings[key]) { text, argument in text.replacingAll("{\(argument.offset + 1)}", with: clean(argument.element)) }
        case .councilReportOptions: strings[.cliCouncilReportOptions]
        }
    }

    var description: String { message(in: Strings(.en)) }

    var errorDescription: String? { description }
}

/// Reading input files with a size limit, so a wrong file is refused quickly.
enum InputFile {
    static let limit = 64 * 1_048_576

    static func readText(_ path: String) throws -> String {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw CLIError.noSuchFile(path)
        }
        if let size = attributes[.size] as? Int, size > limit { throw CLIError.fileTooLarge(path, limit: limit) }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.notReadable(path) }
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
