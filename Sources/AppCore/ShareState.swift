/// The sharing overlay: the links of a shared session, whose QR code is shown, and the weighing screen beneath it
/// (kept up to date, so progress shows while participants score).
public struct ShareState: Equatable, Sendable {
    public var info: ShareInfo
    /// The entry whose QR code is shown.
    public var selected: Int
    public var weighing: WeighingState

    public init(info: ShareInfo, selected: Int = 0, weighing: WeighingState) {
        self.info = info
        self.selected = selected
        self.weighing = weighing
    }
}
