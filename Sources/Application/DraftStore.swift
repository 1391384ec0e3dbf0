import AppCore
import Domain
import Foundation
import Storage

/// Keeps the drafts of unsaved forms as files in the data directory, one JSON file per form and board in
/// `drafts/<actor>/` (folders 0700, files 0600), so typed work survives a crash or a lost terminal. Written and read
/// only by the effect runner; a draft is removed when its form is saved or its work thrown away.
///
/// Each board writes files of its own (named with its process id): two boards of one person never overwrite or
/// remove each other's typed work, and a board is offered back only its own drafts and those of boards that ended.
public struct DraftStore: Sendable {
    /// The folder of this person's drafts.
    public let folder: URL
    /// The board these drafts belong to (its process id).
    public let instance: Int32

    public init(directory: DataDirectory, actor: String, instance: Int32 = getpid()) {
        self.instance = instance
        let safe = String(actor.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || "._-".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        })
        folder = directory.url.appendingPathComponent("drafts").appendingPathComponent(safe.isEmpty ? "unknown" : safe)
    }

    /// The name a form's drafts start with.
    static func name(of subject: FormDraft.Subject) -> String {
        switch subject {
        case .newIdea: "new-idea"
        case .editIdea(let id): "edit-\(id.rawValue)"
        case .gate(let id, let stage): "move-\(id.rawValue)-\(stage.rawValue)"
        case .weighingNote(let session, let cell): "note-\(session.rawValue)-\(cell.idea.rawValue)-\(cell.criterion)"
        case .weighingParticipant(let session): "participant-\(session.rawValue)"
        case .weighingExclusion(let session, let participant): "exclude-\(session.rawValue)-\(participant)"
        }
    }

    /// The file this board keeps a form's draft in.
    func url(of subject: FormDraft.Subject) -> URL {
        folder.appendingPathComponent("\(Self.name(of: subject)).\(instance).json")
    }

    /// The draft files of this person that this board may use: its own, and those of boards that ended (a crash, a
    /// lost terminal); never those of another board still running. Files without a board (older) count as ended.
    private func usableFiles() -> [(file: URL, name: String)] {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }.compactMap { file in
            let parts = file.deletingPathExtension().lastPathComponent.split(separator: ".")
            let owner = parts.count == 2 ? Int32(parts[1]) : 0
            guard let owner, owner == instance || !Self.isRunning(owner) else { return nil }
            return (file, String(parts[0]))
        }
    }

    /// Whether a process still runs.
    static func isRunning(_ process: Int32) -> Bool {
        guard process > 0 else { return false }
        return kill(process, 0) == 0 || errno == EPERM
    }

    /// Every readable draft this board may offer back, the newest per form; a file that cannot be read (half written by
    /// a crash, from another version) is skipped.
    public func load() -> [FormDraft] {
        var newest: [String: (draft: FormDraft, date: Date)] = [:]
        for (file, name) in usableFiles() {
            guard let data = try? Data(contentsOf: file), let draft = try? JSONDecoder().decode(FormDraft.self, from: data),
                  Self.name(of: draft.subject) == name
            else { continue }
            let date = (try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            if let known = newest[name], known.date >= date { continue }
            newest[name] = (draft, date)
        }
        return newest.keys.sorted().compactMap { newest[$0]?.draft }
    }

    /// Writes a draft (replacing the form's earlier one) atomically, readable only by its owner.
    public func save(_ draft: FormDraft) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let file = url(of: draft.subject)
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: try encoder.encode(draft),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path]) }
    }

    /// Removes a form's drafts that this board may use (its own, and one it took over from a board that ended).
    public func discard(_ subject: FormDraft.Subject) throws {
        let name = Self.name(of: subject)
        for (file, fileName) in usableFiles() where fileName == name {
            try FileManager.default.removeItem(at: file)
        }
    }
}
