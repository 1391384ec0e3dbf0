import Foundation

/// A libpq password file (`~/.pgpass`, or `PGPASSFILE`): lines of `host:port:database:user:password`, `*` matching
/// anything, `\:` and `\\` escaping, `#` starting a comment; the first matching line wins.
struct PostgresPasswordFile {
    let path: String
    let text: String

    /// The file for `environment` (`PGPASSFILE`, else `$HOME/.pgpass`); nil when there is none.
    /// Throws when others may read it: libpq ignores such a file, and so the password in it must not be relied on.
    static func load(environment: [String: String]) throws(PostgresStoreError) -> PostgresPasswordFile? {
        let path: String
        if let file = environment["PGPASSFILE"], !file.isEmpty {
            path = file
        } else {
            path = (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        }
        guard FileManager.default.isReadableFile(atPath: path),
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular
        else { return nil }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw .passwordFileTooOpen(path: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return PostgresPasswordFile(path: path, text: String(decoding: data, as: UTF8.self))
    }

    /// The password of the first line matching host, port, database and user.
    func password(host: String, port: Int, database: String, user: String) -> String? {
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if line.hasPrefix("#") { continue }
            let fields = Self.fields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The colon-separated fields of one line, with `\:` and `\\` unescaped.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":", fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
