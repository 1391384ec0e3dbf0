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
    typealias Context = BasicRequestContext

    let workspace: Workspace
    let strings: Strings
    let gate: RequestGate
    /// The largest request body read; a score needs about 40 bytes.
    static let maxBody = 2048

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix("/p/"), !path.dropFirst(3).contains("/") else { return page(.notFound, .pageNotFound, .pageNotFound) }
        guard request.method == .get || request.method == .post else {
            var response = page(.methodNotAllowed, .pageNotFound, .pageMethodNotAllowed)
            response.headers[.allow] = "GET, POST"
            return response
        }
        guard let token = ParticipantToken(String(path.dropFirst(3))) else { return refusal(.linkNotValid) }
        if let length = request.headers[.contentLength], (Int(length) ?? Int.max) > Self.maxBody {
            return closing(page(.contentTooLarge, .pageTooLarge, .pageTooLarge))
        }
        do {
            try await gate.enter(link: token.text)
        } catch .busy {
            var response = page(.serviceUnavailable, .pageBusy, .pageBusy)
            response.headers[.retryAfter] = "1"
            return response
        } catch {
            var response = page(.tooManyRequests, .pageBusy, .pageBusy)
            response.headers[.retryAfter] = "1"
            return response
        }
        let response: Response
        if request.method == .get {
            response = await show(token)
        } else {
            response = await save(token, request: request)
        }
        await gate.leave()
        return response
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
    private func save(_ token: ParticipantToken, request: Request) async -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maxBody)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return closing(page(.contentTooLarge, .pageTooLarge, .pageTooLarge))
        } catch {
            return closing(page(.badRequest, .pageBadRequest, .pageBadRequest))
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

    /// Asks the client to close the connection (after a body that was not read to its end).
    private func closing(_ response: Response) -> Response {
        var response = response
        response.headers[.connection] = "close"
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
