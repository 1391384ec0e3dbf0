import Domain

/// A step the weighing screen asks to confirm with `y` before it is taken (any other key cancels).
public enum WeighingConfirmation: Equatable, Sendable {
    /// Close and lock the session; `complete` of `total` participants filled in every cell.
    case close(complete: Int, total: Int)
    /// Start the re-vote round on these cells.
    case revote([SessionCell])
}
