import Domain

extension Mode {
    /// The move an open gate form or consent screen is gathering (nil in any other view); setting it changes only that.
    var gateContext: GateContext? {
        get {
            switch self {
            case .entry(let form): if case .gate(let context) = form.purpose { context } else { nil }
            case .decision(let screen): if case .gate(let context) = screen.purpose { context } else { nil }
            default: nil
            }
        }
        set {
            guard let newValue else { return }
            switch self {
            case .entry(var form):
                guard case .gate = form.purpose else { return }
                form.purpose = .gate(newValue)
                self = .entry(form)
            case .decision(var screen):
                guard case .gate = screen.purpose else { return }
                screen.purpose = .gate(newValue)
                self = .decision(screen)
            default:
                return
            }
        }
    }
}
