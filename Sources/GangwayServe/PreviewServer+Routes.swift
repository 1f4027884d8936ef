import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

extension PreviewServer {
    /// Files from the served folder (a folder's index.html for its URL), the live-reload script,
    /// the event stream, and the site's 404.html for anything else. Team pages wait at `teamGate`
    /// while the team site is behind a saved clinic.
    static func router(serving folder: URL, hub: EventHub, teamGate: TeamGate = TeamGate()) -> Router<BasicRequestContext> {
        let router = Router()
        var quiet = Logger(label: "gangway.files")
        quiet.logLevel = .critical
        router.add(middleware: RequestGuard(folder: folder))
        router.add(middleware: TeamGateMiddleware(gate: teamGate))
        router.add(middleware: NotFoundPage(file: folder.appendingPathComponent("404.html")))
        // no-cache: the browser may keep a copy but must ask (with its ETag) after every rebuild.
        router.add(middleware: FileMiddleware(folder.path, cacheControl: CacheControl([(MediaType(type: .any), [.noCache])]),
                                              searchForIndexHtml: true, logger: quiet))

        router.get(RouterPath(stringLiteral: LiveReloadScript.path)) { _, _ -> Response in
            Response(status: .ok,
                     headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
        }
        router.get(RouterPath(stringLiteral: LiveReloadScript.eventsPath)) { _, _ -> Response in
            let stream = hub.subscribe()
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
                            body: ResponseBody { writer in
                                for await text in stream.cancelOnGracefulShutdown() {
                                    try await writer.write(ByteBuffer(string: text))
                                }
                                try await writer.finish(nil)
                            })
        }
        return router
    }
}

/// Holds a request below /team/ until the team site is current.
struct TeamGateMiddleware<Context: RequestContext>: RouterMiddleware {
    let gate: TeamGate

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == "/team" || path.hasPrefix("/team/") { await gate.wait() }
        return try await next(request, context)
    }
}

/// Answers a GET for a missing file with the site's own 404 page.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let file: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError where error.status == .notFound {
            guard request.method == .get, let page = FileManager.default.contents(atPath: file.path) else { throw error }
            return Response(status: .notFound,
                            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
        }
    }
}
