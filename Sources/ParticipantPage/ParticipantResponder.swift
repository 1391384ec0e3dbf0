import AppCore
import Application
import Domain
import Foundation
import Hummingbird

/// Answers participants: `GET /p/TOKEN` shows the link holder's own scoring page, `POST /p/TOKEN` saves one of their
/// scores through the application layer. Nothing else is served: any other path is 404, another method 405, a link
/// never given out 403, an ended link or a closed session 410, a body over 2 KiB 413, an unreadable one 400 (415 for
/// another content type), a score the session refuses 422, a flood 429 or 503. Every failure is an answer, never a crash.
struct ParticipantResponder: HTTPResponder {
    typealias Context = PageRequestContext

    let workspace: Workspace
    let strings: Strings
    let gate: RequestGate
    /// The links this server answers (its own sessions' only).
    let links: SharedLinks
    /// The server's own threads, whose timer cuts off a slow body.
    let threads: EventLoopTaskExecutor
    /// The largest request body read; a score needs about 40 bytes.
    static let maxBody = 2048
    /// How long a body may take to arrive; a slower one is cut off with 408, so it never holds a slot for long.
    static let bodyTimeoutSeconds: Int64 = 5

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        let hasBody = request.headers[.contentLength].map { $0 != "0" } ?? (request.headers[.transferEncoding] != nil)
        guard path.hasPrefix("/p/"), !path.dropFirst(3).contains("/") else {
            return ended(page(.notFound, .pageNotFound, .pageNotFound), context, if: hasBody)
        }
        let isHead = request.method == .head
        guard request.method == .get || request.method == .post || isHead else {
            var response = page(.methodNotAllowed, .pageNotFound, .pageMethodNotAllowed)
            response.headers[.allow] = "GET, HEAD, POST"
            return ended(response, context, if: hasBody)
        }
        // A link this server does not share is refused before a slot is taken and before its body is read.
        guard let token = ParticipantToken(String(path.dropFirst(3))) else { return ended(refusal(.linkNotValid), context, if: hasBody) }
        guard links.contains(token) else { return ended(await foreign(token), context, if: hasBody) }
        if let length = request.headers[.contentLength], (Int(length) ?? Int.max) > Self.maxBody {
            return ended(page(.contentTooLarge, .pageTooLarge, .pageTooLarge), context, if: true)
        }
        if request.method == .post {
            // An ended link, a closed session or an excluded participant is answered before a slot is taken.
            let workspace = workspace
            do {
                _ = try await BlockingWork.run { try workspace.reader.linkAccess(token) }
            } catch let error as DomainError {
                return ended(refusal(error), context, if: hasBody)
            } catch {
                return ended(page(.serviceUnavailable, .pageBusy, .pageBusy), context, if: hasBody)
            }
        }
        do {
            try await gate.enter(link: token.text)
        } catch .busy {
            var response = page(.serviceUnavailable, .pageBusy, .pageBusy)
            response.headers[.retryAfter] = "1"
            return ended(response, context, if: hasBody)
        } catch {
            var response = page(.tooManyRequests, .pageBusy, .pageBusy)
            response.headers[.retryAfter] = "1"
            return ended(response, context, if: hasBody)
        }
        let response: Response
        if request.method == .post {
            response = await save(token, request: request, context: context)
        } else {
            response = await show(token)
        }
        await gate.leave(link: token.text)
        return isHead ? response.createHeadResponse() : response
    }

    /// A link this server does not share: 410 when it has ended (or its session closed), so an old link of a session
    /// shared again says so; "not valid" (403) for every other, above all a link in use of another session.
    private func foreign(_ token: ParticipantToken) async -> Response {
        let workspace = workspace
        do {
            _ = try await BlockingWork.run { try workspace.reader.linkAccess(token) }
        } catch let error as DomainError {
            switch error {
            case .linkEnded, .sessionClosed: return refusal(error)
            default: break
            }
        } catch {}
        return refusal(.linkNotValid)
    }

    /// The holder's own page, as it is now.
    private func show(_ token: ParticipantToken, error: String? = nil, status: HTTPResponse.Status = .ok) async -> Response {
        do {
            let workspace = workspace
            let (session, participant, titles) = try await BlockingWork.run {
                let (session, participant) = try workspace.reader.linkAccess(token)
                var titles: [IdeaID: String] = [:]
                for idea in session.ideas { titles[idea] = (try? workspace.reader.idea(idea))?.fields.title }
                return (session, participant, titles)
            }
            let html = PageHTML.scoring(session: session, participant: participant, titles: titles, token: token, strings: strings,
                                        error: error)
            return Self.response(status, html: html)
        } catch let error as DomainError {
            return refusal(error)
        } catch {
            return page(.serviceUnavailable, .pageBusy, .pageBusy)
        }
    }

    /// Saves one score from the page's form (then back to the page, at the next cell) or from JSON (then the progress).
    private func save(_ token: ParticipantToken, request: Request, context: Context) async -> Response {
        let body: ByteBuffer
        do {
            body = try await collect(request.body)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return ended(page(.contentTooLarge, .pageTooLarge, .pageTooLarge), context, if: true)
        } catch is BodyTimedOut {
            return ended(page(.requestTimeout, .pageBadRequest, .pageBadRequest), context, if: true)
        } catch {
            return ended(page(.badRequest, .pageBadRequest, .pageBadRequest), context, if: true)
        }
        let contentType = request.headers[.contentType]
        let score: ScoreRequest
        do {
            score = try ScoreRequest.parse(Array(buffer: body), contentType: contentType)
        } catch .unsupportedType {
            return page(.unsupportedMediaType, .pageBadRequest, .pageBadRequest)
        } catch {
            return page(.badRequest, .pageBadRequest, .pageBadRequest)
        }
        let isJSON = contentType?.lowercased().hasPrefix("application/json") ?? false
        do {
            let workspace = workspace
            let (session, participant) = try await BlockingWork.run {
                try workspace.enter(through: token, idea: score.idea, criterion: score.criterion, entry: score.entry)
            }
            if isJSON {
                let progress = "{\"scored\":\(session.progress(of: participant)),\"total\":\(session.cellsThisRound),\"done\":\(session.isDone(participant))}"
                return Self.response(.ok, body: progress, type: "application/json")
            }
            var response = Self.response(.seeOther, body: "", type: "text/plain; charset=utf-8")
            let next = session.firstOpenCell(of: participant).map { "c\($0.idea.rawValue)-\($0.criterion)" } ?? "done"
            response.headers[.location] = "/p/\(token.text)#\(next)"
            return response
        } catch let error as DomainError {
            switch error {
            case .linkNotValid, .linkEnded, .sessionClosed, .participantExcluded:
                return refusal(error)
            default:
                let text = strings.error(error)
                if isJSON { return Self.response(.unprocessableContent, body: Self.jsonError(text), type: "application/json") }
                return await show(token, error: text, status: .unprocessableContent)
            }
        } catch {
            return page(.serviceUnavailable, .pageBusy, .pageBusy)
        }
    }

    /// 403 for a link never given out, 410 once sharing stopped, the session closed or the participant was excluded.
    private func refusal(_ error: DomainError) -> Response {
        switch error {
        case .linkEnded: page(.gone, .pageEndedTitle, .errorLinkEnded)
        case .sessionClosed: page(.gone, .pageEndedTitle, .participantClosed)
        case .participantExcluded:
            Self.response(.gone, html: PageHTML.message(title: strings[.pageExcludedTitle], text: strings.error(error), language: strings.language))
        case .linkNotValid: page(.forbidden, .pageNotValidTitle, .errorLinkNotValid)
        default: page(.badRequest, .pageBadRequest, .pageBadRequest)
        }
    }

    private func page(_ status: HTTPResponse.Status, _ title: StringKey, _ text: StringKey) -> Response {
        Self.response(status, html: PageHTML.message(title: strings[title], text: strings[text], language: strings.language))
    }

    /// A body that did not arrive within `bodyTimeoutSeconds`.
    private struct BodyTimedOut: Error {}

    /// The body, up to `maxBody` bytes, if it arrives within `bodyTimeoutSeconds`.
    private func collect(_ body: RequestBody) async throws -> ByteBuffer {
        let threads = threads
        return try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            group.addTask { try await body.collect(upTo: Self.maxBody) }
            group.addTask {
                try await threads.sleep(seconds: Self.bodyTimeoutSeconds)
                throw BodyTimedOut()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw BodyTimedOut() }
            return first
        }
    }

    /// Closes the connection once the answer is sent when the request's body was not read to its end (`unread`): the
    /// client is told so, and the connection is not left open until the idle timeout.
    private func ended(_ response: Response, _ context: Context, if unread: Bool) -> Response {
        guard unread else { return response }
        var response = response
        response.headers[.connection] = "close"
        let close = context.closeConnection
        let bytes = response.body
        response.body = ResponseBody(contentLength: bytes.contentLength) { writer in
            try await bytes.write(writer)
            close()
        }
        return response
    }

    private static func jsonError(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(["error": text])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func response(_ status: HTTPResponse.Status, html: String) -> Response {
        response(status, body: html, type: "text/html; charset=utf-8")
    }

    /// A response with the headers every answer carries: nothing cached, no referrer (the link is a secret), no framing,
    /// no script, no other origin.
    static func response(_ status: HTTPResponse.Status, body: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Content-Security-Policy")!] =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
