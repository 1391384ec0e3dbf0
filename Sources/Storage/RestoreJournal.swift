/// What a restore's swap in progress needs to finish: the name the old database is kept under (nil: there was none).
struct RestoreJournal: Codable {
    var kept: String?
}
