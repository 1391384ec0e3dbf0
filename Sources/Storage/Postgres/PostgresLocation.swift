import Foundation

/// Where a PostgreSQL portfolio lives: a server, a database and who logs in, read strictly from a
/// `postgresql://user:password@host:port/database?sslmode=require` URL (`postgres://` too).
///
/// The password comes from the URL, else `PGPASSWORD`, else the password file (`~/.pgpass` or `PGPASSFILE`); it is never
/// part of `description` or `redacted`, so printing a location never shows it.
public struct PostgresLocation: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let host: String
    public let port: Int
    public let user: String
    public let database: String
    public let sslMode: PostgresSSLMode
    /// Seconds to wait for the server before giving up.
    public let connectTimeout: Int
    let password: String?

    /// Reads a URL; `environment` supplies `PGUSER`, `PGPASSWORD`, `PGPASSFILE`, `HOME` and `USER` as libpq uses them.
    public static func parse(_ text: String, environment: [String: String]) throws(PostgresStoreError) -> PostgresLocation {
        let lowered = text.lowercased()
        guard let scheme = ["postgresql://", "postgres://"].first(where: { lowered.hasPrefix($0) }) else {
            throw .invalidURL(.wrongScheme)
        }
        var rest = Substring(text.dropFirst(scheme.count))
        if rest.contains("#") { throw .invalidURL(.fragment) }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path: Substring? = nil
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var userInfo: Substring? = nil
        if let at = rest.lastIndex(of: "@") {
            userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
        }
        let (host, port) = try hostAndPort(rest)

        var user: String? = nil
        var password: String? = nil
        if let userInfo {
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            user = try decoded(parts[0], part: "user")
            if parts.count == 2 { password = try decoded(parts[1], part: "password") }
        }
        if user?.isEmpty == true { user = nil }
        let login = user ?? environment["PGUSER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? NSUserName()

        var database = login
        if let path {
            guard !path.contains("/") else { throw .invalidURL(.badDatabase) }
            if !path.isEmpty { database = try decoded(path, part: "database") }
        }

        var sslMode = PostgresSSLMode.prefer
        var connectTimeout = 10
        var seen: Set<String> = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decoded(parts[0], part: "parameter name")
            let value = parts.count == 2 ? try decoded(parts[1], part: "parameter \(name)") : ""
            guard seen.insert(name).inserted else { throw .invalidURL(.repeatedParameter(name)) }
            switch name {
            case "sslmode":
                guard let mode = PostgresSSLMode(rawValue: value) else { throw .invalidURL(.badSSLMode(value)) }
                sslMode = mode
            case "connect_timeout":
                guard value.allSatisfy(\.isASCII), let seconds = Int(value), (1...3600).contains(seconds) else {
                    throw .invalidURL(.badConnectTimeout(value))
                }
                connectTimeout = seconds
            default:
                throw .invalidURL(.unknownParameter(name))
            }
        }

        if password == nil, let fromEnvironment = environment["PGPASSWORD"], !fromEnvironment.isEmpty {
            password = fromEnvironment
        }
        if password == nil, let file = try PostgresPasswordFile.load(environment: environment) {
            password = file.password(host: host, port: port, database: database, user: login)
        }
        return PostgresLocation(host: host, port: port, user: login, database: database, sslMode: sslMode,
                                connectTimeout: connectTimeout, password: password)
    }

    /// Whether a `--database` value (or `database =` in the configuration) names a PostgreSQL server.
    public static func isServerURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://")
    }

    /// Whether a URL's text holds a password itself (`postgresql://user:password@host/…`): a file holding such a URL must be
    /// private, as a password file must.
    public static func holdsPassword(_ text: String) -> Bool {
        guard let scheme = text.range(of: "://") else { return false }
        let authority = text[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return false }
        return authority[..<at].contains(":")
    }

    /// Reads the URL a configuration file at `path` gives; a URL holding a password is refused while others may read the
    /// file, as libpq refuses such a password file.
    public static func configured(_ text: String, file path: String, environment: [String: String]) throws(PostgresStoreError)
        -> PostgresLocation {
        if holdsPassword(text), let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int,
           mode & 0o077 != 0 {
            throw .passwordFileTooOpen(path: path)
        }
        return try parse(text, environment: environment)
    }

    /// The same server, login and settings for another database on it.
    public func on(database name: String) -> PostgresLocation {
        PostgresLocation(host: host, port: port, user: user, database: name, sslMode: sslMode, connectTimeout: connectTimeout,
                         password: password)
    }

    /// What a child process needs besides `redacted` to log in as this location does: the password, through the
    /// environment (never on a command line others can read).
    public var childEnvironment: [String: String] {
        password.map { ["PGPASSWORD": $0] } ?? [:]
    }

    /// The database and its host (`proeftuin@db.gemeente.nl`): where the board says its data is.
    public var shortName: String { "\(database)@\(host)" }

    /// The URL without the password: what `info` and messages show.
    public var redacted: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        var text = "postgresql://\(Self.encoded(user))@\(hostText):\(port)/\(Self.encoded(database))"
        var parameters: [String] = []
        if sslMode != .prefer { parameters.append("sslmode=\(sslMode.rawValue)") }
        if connectTimeout != 10 { parameters.append("connect_timeout=\(connectTimeout)") }
        if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
        return text
    }

    public var description: String { redacted }
    public var debugDescription: String { redacted }

    /// Whether a password was found (in the URL, the environment or the password file).
    public var hasPassword: Bool { password != nil }

    private static func hostAndPort(_ text: Substring) throws(PostgresStoreError) -> (String, Int) {
        var hostText: Substring
        var portText: Substring? = nil
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw .invalidURL(.missingHost) }
            hostText = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidURL(.badPort(String(after))) }
                portText = after.dropFirst()
            }
        } else {
            hostText = text
            if let colon = text.lastIndex(of: ":") {
                hostText = text[..<colon]
                portText = text[text.index(after: colon)...]
            }
        }
        if hostText.contains(",") || portText?.contains(",") == true { throw .invalidURL(.severalHosts) }
        let host = try decoded(hostText, part: "host")
        guard !host.isEmpty else { throw .invalidURL(.missingHost) }
        var port = 5432
        if let portText {
            guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(portText),
                  (1...65535).contains(number)
            else { throw .invalidURL(.badPort(String(portText))) }
            port = number
        }
        return (host, port)
    }

    private static func decoded(_ text: Substring, part: String) throws(PostgresStoreError) -> String {
        guard let value = String(text).removingPercentEncoding else { throw .invalidURL(.badEncoding(part: part)) }
        return value
    }

    /// Percent-encoded for a URL: everything but ASCII letters, digits and `-._~` (RFC 3986's unreserved characters).
    private static func encoded(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
