import Domain
import Foundation
import GRDB

/// What `forget` changed, and what a person still has to look at.
public struct ForgetReport: Equatable, Sendable {
    public var ideasChanged: Int
    public var eventsChanged: Int
    /// Ideas whose title or description still mention the name (free text is not rewritten automatically).
    public var stillMentioned: [IdeaSummary]
    // Hardening
    /// Copies the product keeps or made (rolling backups, `backup --output` copies, files set aside) that were rewritten.
    public var copiesRewritten: [String] = []
    /// Copies that could not be rewritten and may still hold the name: to delete (`deleteCopies`) or to erase by hand.
    public var copiesNotRewritten: [UnrewritableCopy] = []
    /// Left-over files of interrupted backups and restores, removed.
    public var leftoversRemoved: [String] = []
}

extension AppDatabase {
    /// Erases a submitter's name from every idea and from the event log's snapshots, then rewrites the database file so
    /// the name's bytes are gone (secure_delete, VACUUM, WAL truncated); then does the same in every copy the product
    /// keeps or made: rolling backups, copies made with `backup --output`, databases set aside by `doctor`. Left-overs
    /// of interrupted backups are removed; copies that cannot be rewritten are listed.
    public func forget(submitter name: String) throws -> ForgetReport {
        let clean = TextSanitizer.singleLine(name).trimmingCharactersInWhitespace()
        guard !clean.isEmpty else { throw DomainError.emptyName }
        let erasure = SubmitterErasure(name: clean)
        let now = clock()
        var report = try write { db -> ForgetReport in
            let outcome = try erasure.run(in: db)
            try appendEvent(db, idea: nil, kind: .forgotten, after: "{\"ideas\":\(outcome.ideas.count),\"events\":\(outcome.events)}", at: now)
            return ForgetReport(ideasChanged: outcome.ideas.count, eventsChanged: outcome.events, stillMentioned: try erasure.stillMentioned(in: db))
        }
        CrashPoint.reach("forget-live-erased")
        try compact()
        CrashPoint.reach("forget-live-compacted")
        report.leftoversRemoved = removeLeftovers()
        for copy in try copies() {
            if let problem = Self.erase(erasure, inCopyAt: copy) {
                report.copiesNotRewritten.append(UnrewritableCopy(path: copy.path, problem: problem))
            } else {
                report.copiesRewritten.append(copy.path)
            }
        }
        return report
    }

    /// Every copy of the portfolio the product keeps or made: rolling backups, other databases in the backups folder,
    /// databases set aside in the data directory, and the copies `backup --output` recorded.
    func copies() throws -> [URL] { Self.copies(in: directory) }

    /// The copies of a data directory (see `copies()`); the PostgreSQL store's local copies are found the same way.
    static func copies(in directory: DataDirectory) -> [URL] {
        var found: [URL] = []
        let backupNames = (try? FileManager.default.contentsOfDirectory(atPath: directory.backupsURL.path)) ?? []
        for name in backupNames.sorted() where name.hasSuffix(".sqlite") && !name.hasPrefix(".") {
            found.append(directory.backupsURL.appendingPathComponent(name))
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasPrefix("proeftuin.sqlite.") && !["-wal", "-shm", "-journal"].contains(where: name.hasSuffix) {
            found.append(directory.url.appendingPathComponent(name))
        }
        for path in CopyRegister(directory: directory).paths() where !found.contains(where: { $0.path == path }) { found.append(URL(fileURLWithPath: path)) }
        return found
    }

    /// Rewrites one copy without the name (same erasure, then VACUUM); nil when done, else why it could not be.
    static func erase(_ erasure: SubmitterErasure, inCopyAt url: URL) -> UnrewritableCopy.Problem? {
        guard FileManager.default.fileExists(atPath: url.path) else { return .missing }
        guard (try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path))?[.type] as? FileAttributeType == .typeRegular
        else { return .notADatabase }
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return .notWritable }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else { return eraseInExport(erasure, at: url) }
        guard FileManager.default.isWritableFile(atPath: url.path),
              FileManager.default.isWritableFile(atPath: url.deletingLastPathComponent().path) else { return .notWritable }
        guard ![url.path, url.path + "-wal", url.path + "-shm"].contains(where: FileLocks.heldByAnotherProcess) else { return .inUse }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            defer { try? queue.close() }
            guard try queue.read({ try String.fetchAll($0, sql: "PRAGMA integrity_check") }) == ["ok"] else { return .damaged }
            guard try queue.read({ try $0.tableExists("idea") && $0.tableExists("event") }) else { return .notADatabase }
            try queue.write { db in _ = try erasure.run(in: db) }
            CrashPoint.reach("forget-copy-erased")
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" { try db.checkpoint(.truncate) }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            return .damaged
        } catch {
            return .notWritable
        }
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return nil
    }

    /// Rewrites a JSON export without the name (submitters of ideas, reply contacts naming them, event snapshots), keeping
    /// its layout; a CSV
    /// export or a report cannot be rewritten safely and is reported as such.
    static func eraseInExport(_ erasure: SubmitterErasure, at url: URL) -> UnrewritableCopy.Problem? {
        guard let data = try? Data(contentsOf: url), data.first == UInt8(ascii: "{"),
              var export = try? JSONDecoder().decode(PortfolioExport.self, from: data), export.format == PortfolioExport.formatName
        else { return .textCopy }
        for (table, rows) in export.tables {
            export.tables[table] = rows.map { row in
                var row = row
                if table == "idea", let name = row["submitter"]?.string, Privacy.sameName(name, erasure.name) { row["submitter"] = .null }
                if table == "intake", let contact = row["replyTo"]?.string,
                   Privacy.sameName(contact, erasure.name) || Privacy.mentions(contact, name: erasure.name) {
                    row["replyTo"] = .null
                }
                if table == "event" {
                    for column in ["before", "after"] {
                        if let text = row[column]?.string { row[column] = .string(Personal.eraseSubmitter(erasure.name, in: text)) }
                    }
                }
                return row
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let encoded = try? encoder.encode(export) else { return .notWritable }
        let text = JSONText.escapingInvisibleControls(String(decoding: encoded, as: UTF8.self)) + "\n"
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch {
            return .notWritable
        }
        return nil
    }

    /// Removes what interrupted backups and restores left behind (`.partial` files and their journals) that no other
    /// program is still writing; returns their paths.
    func removeLeftovers() -> [String] {
        var removed = Self.removeStalePartials(in: directory.url) + Self.removeStalePartials(in: directory.backupsURL)
        // A copy `doctor --restore` was preparing when it was cut short holds the whole portfolio too.
        if !FileManager.default.fileExists(atPath: DatabaseRestore.journalURL(directory).path),
           FileManager.default.fileExists(atPath: DatabaseRestore.stagingURL(directory).path) {
            DatabaseRestore.removeDatabaseFiles(at: DatabaseRestore.stagingURL(directory))
            removed.append(DatabaseRestore.stagingURL(directory).path)
        }
        return removed
    }

    /// Records a file with personal data the program is about to write, so `forget` can reach it later.
    public func recordCopy(_ url: URL) {
        CopyRegister(directory: directory).record(url)
    }

    /// Deletes copies (a file and its side files) that could not be rewritten, and forgets the recorded ones; returns
    /// the paths deleted or forgotten. Only copies `copies()` lists are touched.
    public func deleteCopies(_ paths: [String]) throws -> [String] { Self.deleteCopies(paths, in: directory) }

    /// Deletes copies of a data directory (see `deleteCopies(_:)`); the PostgreSQL store's local copies go the same way.
    static func deleteCopies(_ paths: [String], in directory: DataDirectory) -> [String] {
        let known = Set(copies(in: directory).map(\.path))
        var done: [String] = []
        for path in paths where known.contains(path) {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            if !FileManager.default.fileExists(atPath: path) { done.append(path) }
        }
        CopyRegister(directory: directory).remove(done)
        return done
    }

    /// Rewrites the database file without free pages and empties the WAL, so erased bytes do not linger.
    public func compact() throws {
        do {
            try pool.writeWithoutTransaction { db in
                try db.checkpoint(.truncate)
                try db.execute(sql: "VACUUM")
                try db.checkpoint(.truncate)
            }
            _ = try pool.barrierWriteWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            throw StorageError.wrap(error, path: directory.path)
        }
    }

    /// Merges one idea into another: tags and sessions follow, the history is shown together, and the
    /// merged idea is stopped with category `merged` and a link.
    public func merge(_ source: IdeaID, into target: IdeaID) throws {
        guard source != target else { throw DomainError.mergeIntoItself }
        let now = clock()
        try write { db in
            guard var from = try IdeaRecord.fetchOne(db, key: source.rawValue)?.idea else { throw DomainError.ideaNotFound(source) }
            guard var into = try IdeaRecord.fetchOne(db, key: target.rawValue)?.idea else { throw DomainError.ideaNotFound(target) }
            try ChangeWriter(database: self, db: db, now: now).refuseDeclined([source, target])
            if let merged = try Int64.fetchOne(db, sql: "SELECT mergedInto FROM idea WHERE id = ?", arguments: [source.rawValue]) {
                throw DomainError.alreadyMerged(source, IdeaID(merged))
            }
            // A merged idea takes no merges: A into B then B into A would make a cycle, and a chain hides where things went.
            if let merged = try Int64.fetchOne(db, sql: "SELECT mergedInto FROM idea WHERE id = ?", arguments: [target.rawValue]) {
                throw DomainError.mergeIntoMerged(target, into: IdeaID(merged))
            }
            let beforeTags = into.fields.tags
            into.fields.tags = IdeaFields.normalisedTags(into.fields.tags + from.fields.tags)
            into.updatedAt = now
            try IdeaRecord(into).update(db)
            // Sessions that weighed the source now count the target, unless it was weighed there too.
            for row in try Row.fetchAll(db, sql: "SELECT id, ideas FROM session") {
                var ids = try StoredValue.json([IdeaID].self, (try row.decode(atIndex: 1)), table: "session", record: "session \(row[0] as DatabaseValue)", field: "ideas")
                guard let index = ids.firstIndex(of: source), !ids.contains(target) else { continue }
                ids[index] = target
                try db.execute(sql: "UPDATE session SET ideas = ? WHERE id = ?", arguments: [EventJSON.encode(ids), row[0] as DatabaseValue])
                try db.execute(sql: "UPDATE score SET ideaId = ? WHERE sessionId = ? AND ideaId = ?",
                               arguments: [target.rawValue, row[0] as DatabaseValue, source.rawValue])
            }
            let link = "merged into \(target)"
            if from.stage != .stopped {
                _ = try ChangeWriter(database: self, db: db, now: now).apply(.move(MoveRequest(
                    id: source, target: .stopped, reason: link, gate: .stop(.merged, learned: link), enforceRules: false)))
                from = try IdeaRecord.fetchOne(db, key: source.rawValue)!.idea
            } else {
                from.stopCategory = .merged
                from.stopLearned = link
                try IdeaRecord(from).update(db)
            }
            try db.execute(sql: "UPDATE idea SET mergedInto = ? WHERE id = ?", arguments: [target.rawValue, source.rawValue])
            // An idea merged straight from the inbox counts as triaged (merged) that day.
            try db.execute(sql: "UPDATE intake SET status = 'merged', triagedOn = ? WHERE ideaId = ? AND status = 'inbox'",
                           arguments: [DayDate.local(now).description, source.rawValue])
            try appendEvent(db, idea: target, kind: .merged, reason: "merged \(source) into \(target)",
                            before: EventJSON.encode(["tags": beforeTags]),
                            after: EventJSON.encode(["tags": into.fields.tags, "merged": [from.fields.title]]), at: now)
        }
    }
}

extension HistoryEntry {
    /// The entry with every submitter's name left out of its before and after snapshots: output without personal data.
    public var withoutPersonalData: HistoryEntry {
        var copy = self
        copy.before = before.map(Personal.stripSubmitter)
        copy.after = after.map(Personal.stripSubmitter)
        return copy
    }
}

extension Personal {
    /// A JSON snapshot with every `"submitter"` (at any depth, in objects and arrays) naming the person replaced by null;
    /// the name matches as people write it (`Privacy.sameName`). Unchanged text when nothing matched.
    static func eraseSubmitter(_ name: String, in json: String) -> String {
        guard json.contains("\"submitter\""), var value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return json }
        var changed = false
        func erase(_ value: inout JSONValue) {
            switch value {
            case .object(var object):
                for (key, inner) in object {
                    if key == "submitter", let text = inner.string, Privacy.sameName(text, name) {
                        object[key] = .null
                        changed = true
                    } else {
                        var nested = inner
                        erase(&nested)
                        object[key] = nested
                    }
                }
                value = .object(object)
            case .array(var items):
                for index in items.indices { erase(&items[index]) }
                value = .array(items)
            default:
                break
            }
        }
        erase(&value)
        guard changed else { return json }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data(json.utf8), as: UTF8.self)
    }

    /// Every submitter name a snapshot holds, at any depth.
    static func submitters(in json: String) -> [String] {
        guard json.contains("\"submitter\""), let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return [] }
        var found: [String] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .object(let object):
                for (key, inner) in object {
                    if key == "submitter", let text = inner.string { found.append(text) } else { walk(inner) }
                }
            case .array(let items): items.forEach(walk)
            default: break
            }
        }
        walk(value)
        return found
    }
}
