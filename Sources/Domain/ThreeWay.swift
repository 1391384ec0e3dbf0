/// The three-way merge of one value, the rule behind every merging save: the edit wins where only it changed
/// the value; where both sides changed it differently, the current value stays and it is a conflict.
public enum ThreeWay {
    public static func merge<T: Equatable>(base: T, edited: T, current: T) -> (value: T, conflict: Bool) {
        if edited == base || edited == current { return (current, false) }
        if current != base { return (current, true) }
        return (edited, false)
    }

    /// Merges the value at `path` of `edited` (made from `base`) into `merged`, naming it in `conflicts` when both changed it.
    public static func field<Root, T: Equatable>(
        _ name: String, _ path: WritableKeyPath<Root, T>, base: Root, edited: Root, into merged: inout Root, conflicts: inout [String]
    ) {
        let result = merge(base: base[keyPath: path], edited: edited[keyPath: path], current: merged[keyPath: path])
        merged[keyPath: path] = result.value
        if result.conflict { conflicts.append(name) }
    }
}
