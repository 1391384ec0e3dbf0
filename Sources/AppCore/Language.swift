/// The language of the user interface.
public enum Language: String, CaseIterable, Sendable {
    case en
    case nl

    /// `--lang`, else the config file, else `LC_ALL` / `LC_MESSAGES` / `LANG` (`nl*` → Dutch), else English.
    public static func resolve(flag: String?, configured: String?, environment: [String: String]) -> Language {
        if let flag, let language = Language(code: flag) { return language }
        if let configured, let language = Language(code: configured) { return language }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty {
                return value.lowercased().hasPrefix("nl") ? .nl : .en
            }
        }
        return .en
    }

    /// Parses `nl`, `en`, `nl_NL.UTF-8`, `dutch`, `nederlands`, `english`; nil when unknown.
    public init?(code: String) {
        let key = code.lowercased()
        if key.hasPrefix("nl") || key == "dutch" || key == "nederlands" {
            self = .nl
        } else if key.hasPrefix("en") || key == "english" || key == "engels" {
            self = .en
        } else {
            return nil
        }
    }
}
