import Foundation

/// An input file read in chunks, with `InputFile`'s size limit and its check that the text is UTF-8 done on the way
/// (the same messages: up to 20 lines that are not valid UTF-8), so an import never holds the whole file.
final class InputFileReader {
    let path: String
    /// The file's size in bytes, from when it was opened.
    let size: Int
    /// How many bytes were handed out so far.
    private(set) var bytesRead = 0
    private let handle: FileHandle
    private var validator = UTF8LineCheck()
    static let chunkSize = 256 * 1024

    /// Opens a file, refusing a missing, unreadable or too large one as `InputFile.readText` does.
    init(_ path: String) throws {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch { throw CLIError.noSuchFile(path) }
        let size = attributes[.size] as? Int ?? 0
        if size > InputFile.limit { throw CLIError.fileTooLarge(path, limit: InputFile.limit) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CLIError.notReadable(path) }
        self.path = path
        self.size = size
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The first byte of the file, without consuming it (to tell a JSON export from CSV).
    func firstByte() -> UInt8? {
        guard let data = try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 1) else { return nil }
        return data.first
    }

    /// The next chunk of bytes, nil at the end. Throws `CLIError.badFile` naming the lines that are not UTF-8 (read on to
    /// the end of the file or the twentieth such line) as soon as one is found.
    func next() throws -> [UInt8]? {
        let data: Data
        do { data = try handle.read(upToCount: Self.chunkSize) ?? Data() } catch { throw CLIError.notReadable(path) }
        guard !data.isEmpty else {
            validator.finish()
            try refuseInvalid()
            return nil
        }
        let bytes = [UInt8](data)
        validator.check(bytes)
        if !validator.invalidLines.isEmpty {
            while validator.invalidLines.count < 20, let more = try? handle.read(upToCount: Self.chunkSize), !more.isEmpty {
                validator.check([UInt8](more))
            }
            if validator.invalidLines.count < 20 { validator.finish() }
            try refuseInvalid()
        }
        bytesRead += bytes.count
        return bytes
    }

    private func refuseInvalid() throws {
        guard !validator.invalidLines.isEmpty else { return }
        throw CLIError.badFile(path, validator.invalidLines.prefix(20).map { "line \($0): not valid UTF-8 text" })
    }
}
