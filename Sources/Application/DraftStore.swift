import AppCore
import Domain
import Foundation
import Storage

/// Keeps the drafts of unsaved forms as files in the data directory, one JSON file per form in `drafts/<actor>/`
/// (folders 0700, files 0600), so typed work survives a crash or a lost terminal. Written and read only by the effect
/// runner; a draft is removed when its form is saved or its work thrown away.
public struct DraftStore: Sendable {
    /// The folder of this person's drafts.
    public let folder: URL

    public init(directory: DataDirectory, actor: String) {
        let safe = String(actor.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || "._-".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        })
        folder = directory.url.appendingPathComponent("drafts").appendingPathComponent(safe.isEmpty ? "unknown" : safe)
    }

    /// The file a form's draft is kept in.
    func url(of subject: FormDraft.Subject) -> URL {
        let name: String
        switch subject {
        case .newIdea: name = "new-idea"
        case .editIdea(let id): name = "edit-\(id.rawValue)"
        case .gate(let id, let stage): name = "move-\(id.rawValue)-\(stage.rawValue)"
        }
        return folder.appendingPathComponent(name + ".json")
    }

    /// Every readable draft; a file that cannot be read (half written by a crash, from another version) is skipped.
    public func load() -> [FormDraft] {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }.compactMap { file in
            guard let data = try? Data(contentsOf: file), let draft = try? JSONDecoder().decode(FormDraft.self, from: data),
                  url(of: draft.subject).lastPathComponent == file.lastPathComponent
            else { return nil }
            return draft
        }
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

    /// Removes a form's draft, if there is one.
    public func discard(_ subject: FormDraft.Subject) throws {
        let file = url(of: subject)
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        try FileManager.default.removeItem(at: file)
    }
}
