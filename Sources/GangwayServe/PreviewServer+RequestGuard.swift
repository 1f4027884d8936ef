import Foundation
import Hummingbird

/// Answers what Hummingbird's FileMiddleware gets wrong, before it sees the request, as a careful
/// static server does:
/// - a path holding NUL or another control character (raw or percent-encoded) is 400: the file
///   system would read it cut short, and serve `/index.html%00.txt` as `index.html`;
/// - a path with `//` is sent to the same path with single slashes: FileMiddleware would answer
///   `//clinics` with `Location: //clinics/`, which a browser reads as the host "clinics";
/// - a Range the file cannot satisfy (starting past its end, `bytes=-0`, any range of an empty
///   file) is 416 with `Content-Range: bytes */size`; one it can is passed on with both ends
///   written out, so the answer's Content-Length is never negative and `bytes=-N` means the last
///   N bytes; one it cannot read (several ranges, bad syntax) is dropped and the whole file sent.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    let folder: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let raw = request.uri.path
        guard let path = raw.removingPercentEncoding else { return Self.answer(.badRequest) }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) || raw.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            return Self.answer(.badRequest)
        }
        if raw.contains("//") || path.contains("//") || path.contains("\\") {
            let parts = raw.split(separator: "/", omittingEmptySubsequences: true)
            let collapsed = parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + (raw.hasSuffix("/") ? "/" : "")
            guard !collapsed.hasPrefix("//"), !path.contains("\\") else { return Self.answer(.notFound) }
            return Response(status: .movedPermanently, headers: [.location: collapsed])
        }
        guard request.method == .get || request.method == .head, let range = request.headers[.range] else {
            return try await next(request, context)
        }
        guard let size = fileSize(path) else { return try await next(request, context) }
        var head = request.head
        switch ByteRange.parse(range, size: size) {
        case .unsatisfiable:
            return Response(status: .rangeNotSatisfiable, headers: [.contentRange: "bytes */\(size)", .contentLength: "0"])
        case .ignored:
            head.headerFields[.range] = nil
        case .satisfiable(let first, let last):
            head.headerFields[.range] = "bytes=\(first)-\(last)"
        }
        return try await next(Request(head: head, body: request.body), context)
    }

    /// The size of the file a path serves (a folder's index.html), nil when there is none.
    private func fileSize(_ path: String) -> Int? {
        var url = folder.appendingPathComponent(String(path.drop { $0 == "/" }), isDirectory: false)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue { url.appendPathComponent("index.html") }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? NSNumber else { return nil }
        return size.intValue
    }

    private static func answer(_ status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .contentLength: "0"])
    }
}

/// One byte range of RFC 9110 §14.1.2, read against a file's size.
enum ByteRange: Equatable {
    case satisfiable(first: Int, last: Int)
    case unsatisfiable
    /// Not one range Gangway reads (bad syntax, several ranges): the whole file is sent.
    case ignored

    static func parse(_ header: String, size: Int) -> ByteRange {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("bytes=") else { return .ignored }
        let spec = text.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .ignored }
        let start = spec[..<dash], end = spec[spec.index(after: dash)...]
        func number(_ s: Substring) -> Int? {
            guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(s) ?? Int.max  // all digits but too long: past any end
        }
        if start.isEmpty {
            guard let suffix = number(end) else { return .ignored }
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .satisfiable(first: max(size - suffix, 0), last: size - 1)
        }
        guard let first = number(start) else { return .ignored }
        var last = size - 1
        if !end.isEmpty {
            guard let given = number(end), given >= first else { return .ignored }
            last = min(given, size - 1)
        }
        guard first < size else { return .unsatisfiable }
        return .satisfiable(first: first, last: last)
    }
}
