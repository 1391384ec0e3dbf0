import Foundation

/// Reading one string field of a small JSON object without a full decode (hot path of flow metrics).
public enum JSONField {
    /// The value of `"name":"value"` at the top level of a compact JSON object written by Proeftuin; nil when absent
    /// or when the value needs unescaping (callers then fall back to a real decoder).
    public static func string(_ name: String, in json: String) -> String?? {
        let key = Array("\"\(name)\":\"".utf8)
        let bytes = Array(json.utf8)
        guard bytes.count > key.count else { return .some(nil) }
        var index = 0
        while index + key.count <= bytes.count {
            if bytes[index] == key[0], bytes[index..<index + key.count].elementsEqual(key) {
                var end = index + key.count
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                    if bytes[end] == UInt8(ascii: "\\") { return nil }  // escaped: let a decoder do it
                    end += 1
                }
                return .some(String(decoding: bytes[(index + key.count)..<end], as: UTF8.self))
            }
            index += 1
        }
        return .some(nil)
    }

    /// Whether `json` holds `text` anywhere, compared byte for byte (Foundation's `contains` folds and bridges, and
    /// was a tenth of the portfolio's figures, run for every move in the event log).
    public static func mentions(_ text: String, in json: String) -> Bool {
        var text = text, json = json
        return text.withUTF8 { needle in
            json.withUTF8 { haystack in
                guard let first = needle.first else { return true }
                guard haystack.count >= needle.count else { return false }
                var index = 0
                let last = haystack.count - needle.count
                while index <= last {
                    if haystack[index] == first, memcmp(haystack.baseAddress! + index, needle.baseAddress!, needle.count) == 0 { return true }
                    index += 1
                }
                return false
            }
        }
    }
}
