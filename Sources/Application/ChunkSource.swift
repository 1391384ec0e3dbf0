/// The caller's chunk reader, lent to an import's reading thread while the caller waits for that thread to finish
/// (`Workspace.importCSV(reading:…)`): only one thread calls it, and never after the import returned.
struct ChunkSource: @unchecked Sendable {
    let next: () throws -> [UInt8]?
}
