import Domain

/// Sharing a weighing session with participants' own devices: `s` on the weighing screen, then the links overlay.
enum SharingKeys {
    /// `s` on the weighing screen: asks for every participant's link (the runner starts serving).
    static func share(_ weighing: WeighingState, _ state: inout AppState) -> [Effect] {
        state.mode = .weighing(weighing)
        guard let id = weighing.session.id else { return [] }
        guard weighing.session.status != .closed else {
            state.message = StatusMessage(state.strings[.errorSessionClosed], isError: true)
            return []
        }
        return [.shareSession(id)]
    }

    static func handle(_ key: Key, _ share: ShareState, _ state: inout AppState) -> [Effect] {
        var share = share
        let count = max(1, share.info.entries.count)
        switch state.keymap.command(for: key, in: .sharing) {
        case .nextParticipant?: share.selected = (share.selected + 1) % count
        case .previousParticipant?: share.selected = (share.selected + count - 1) % count
        case .stopSharing?:
            state.mode = .weighing(share.weighing)
            return [.stopSharing(share.info.session)]
        case .back?:
            state.mode = .weighing(share.weighing)
            return []
        default: break
        }
        state.mode = .sharing(share)
        return []
    }

    /// The links are ready: shown over the weighing screen they were asked from.
    static func started(_ info: ShareInfo, _ state: inout AppState) -> [Effect] {
        if case .weighing(let weighing) = state.mode, weighing.session.id == info.session {
            state.mode = .sharing(ShareState(info: info, weighing: weighing))
        } else if case .sharing(var share) = state.mode, share.info.session == info.session {
            share.info = info
            state.mode = .sharing(share)
        }
        return []
    }

    /// A session reloaded while its links are shown: the weighing screen beneath (and its progress) follows. A closed
    /// session ends its links, so the overlay gives way to the weighing screen, which then takes the session as usual
    /// (returns false); false too when the overlay is not showing this session.
    static func sessionLoaded(_ session: WeighingSession, _ state: inout AppState) -> Bool {
        guard case .sharing(var share) = state.mode, share.weighing.session.id == session.id else { return false }
        guard session.status != .closed else {
            state.mode = .weighing(share.weighing)
            return false
        }
        share.weighing.update { $0 = session }
        state.mode = .sharing(share)
        return true
    }
}
