/// The one history line an idea gets per session it is scored in.
struct SessionMark: Encodable {
    var session: Int64
}
