/// What is wrong with a PostgreSQL connection URL, named without repeating the URL (it may hold a password).
public enum PostgresURLProblem: Equatable, Sendable, CustomStringConvertible {
    /// It does not start with `postgresql://` or `postgres://`.
    case wrongScheme
    /// No host between `@` (or `//`) and the port or database.
    case missingHost
    /// Several hosts (`host1,host2`): failover lists are not supported.
    case severalHosts
    /// A port that is not a number from 1 to 65535.
    case badPort(String)
    /// A part that is not valid percent-encoding (`%zz`), named by part (`user`, `password`, `database`, a parameter).
    case badEncoding(part: String)
    /// A database name with a `/` in it, or an empty one after a `/`.
    case badDatabase
    /// A `#fragment`, which a connection URL never has.
    case fragment
    /// A query parameter this program does not know (only `sslmode` and `connect_timeout` are supported).
    case unknownParameter(String)
    /// A query parameter given twice.
    case repeatedParameter(String)
    /// An `sslmode` that is none of disable, prefer, require, verify-ca, verify-full.
    case badSSLMode(String)
    /// A `connect_timeout` that is not a whole number of seconds from 1 to 3600.
    case badConnectTimeout(String)

    public var description: String {
        switch self {
        case .wrongScheme: "it must start with postgresql:// or postgres://"
        case .missingHost: "it names no host"
        case .severalHosts: "it names several hosts, which is not supported"
        case .badPort(let port): "the port \(port) is not a number from 1 to 65535"
        case .badEncoding(let part): "the \(part) is not valid percent-encoding"
        case .badDatabase: "the database name is empty or holds a /"
        case .fragment: "it ends in a #fragment"
        case .unknownParameter(let name): "the parameter \(name) is not supported (only sslmode and connect_timeout are)"
        case .repeatedParameter(let name): "the parameter \(name) is given twice"
        case .badSSLMode(let mode): "sslmode=\(mode) is not one of disable, prefer, require, verify-ca, verify-full"
        case .badConnectTimeout(let value): "connect_timeout=\(value) is not a whole number of seconds from 1 to 3600"
        }
    }
}
