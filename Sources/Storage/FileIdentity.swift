/// Which file a path leads to: the same device and inode is the same file, whatever its name or links.
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
}
