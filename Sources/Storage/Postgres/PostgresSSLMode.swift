/// How a connection uses TLS, as libpq's `sslmode` names it (`allow` is not supported: it is never safer than `prefer`).
public enum PostgresSSLMode: String, Sendable, CaseIterable {
    /// No TLS.
    case disable
    /// TLS when the server offers it, without checking its certificate (libpq's default).
    case prefer
    /// TLS or no connection; the certificate is not checked.
    case require
    /// TLS with a certificate signed by a trusted authority, whatever host name it names.
    case verifyCA = "verify-ca"
    /// TLS with a trusted certificate for the host connected to.
    case verifyFull = "verify-full"
}
