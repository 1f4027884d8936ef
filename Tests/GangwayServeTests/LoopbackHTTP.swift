#if canImport(Glibc)
import Foundation
import Glibc

/// A small HTTP/1.1 client over a plain socket to 127.0.0.1, enough to fetch pages and to read
/// a Server-Sent Events stream as it arrives. Every read is bounded in time.
struct LoopbackHTTP {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Page {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    let port: Int

    /// GET a path (sent as it is written, not encoded), with extra header lines, reading the whole response.
    func get(_ path: String, headers: [String] = [], method: String = "GET", timeout: Duration = .seconds(5)) throws -> Page {
        let socket = try Socket(port: port)
        defer { socket.close() }
        let extra = headers.map { $0 + "\r\n" }.joined()
        try socket.send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(extra)Connection: close\r\n\r\n")
        var raw = Data()
        let deadline = ContinuousClock.now + timeout
        while let chunk = try socket.receive(until: deadline) { raw += chunk }
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no response head for \(path)") }
        let head = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(raw[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" {
            var decoder = ChunkedDecoder()
            body = decoder.feed(body)
        }
        return Page(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    /// Opens the event stream and waits for the response head.
    func events(_ path: String = "/__gangway/events") throws -> EventStream {
        try EventStream(port: port, path: path)
    }
}

/// An open `text/event-stream` response, read one event at a time.
final class EventStream {
    struct Event: Equatable {
        let name: String
        let data: String
    }

    private let socket: Socket
    private var decoder = ChunkedDecoder()
    private var text = ""
    private var headDone = false
    private var pendingHead = Data()

    init(port: Int, path: String) throws {
        socket = try Socket(port: port)
        try socket.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    deinit { socket.close() }

    /// The next event named `name`, skipping others; throws when none comes within `timeout`.
    func next(_ name: String, within timeout: Duration = .seconds(10)) throws -> Event {
        let deadline = ContinuousClock.now + timeout
        while true {
            while let end = text.range(of: "\n\n") {
                let frame = String(text[..<end.lowerBound])
                text.removeSubrange(..<end.upperBound)
                if let event = Self.parse(frame), event.name == name { return event }
            }
            guard let chunk = try socket.receive(until: deadline) else {
                throw LoopbackHTTP.Failure(description: "no '\(name)' event within \(timeout)")
            }
            append(chunk)
        }
    }

    private func append(_ data: Data) {
        if headDone {
            text += String(decoding: decoder.feed(data), as: UTF8.self)
            return
        }
        pendingHead += data
        guard let split = pendingHead.range(of: Data("\r\n\r\n".utf8)) else { return }
        headDone = true
        let rest = Data(pendingHead[split.upperBound...])
        pendingHead = Data()
        text += String(decoding: decoder.feed(rest), as: UTF8.self)
    }

    private static func parse(_ frame: String) -> Event? {
        var name: String?
        var data: [String] = []
        for line in frame.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
        }
        return name.map { Event(name: $0, data: data.joined(separator: "\n")) }
    }
}

/// Decodes `Transfer-Encoding: chunked` bodies fed in pieces.
struct ChunkedDecoder {
    private var buffer = Data()

    mutating func feed(_ data: Data) -> Data {
        buffer += data
        var out = Data()
        while let lineEnd = buffer.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: buffer[buffer.startIndex..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else { break }
            let start = lineEnd.upperBound
            guard buffer.distance(from: start, to: buffer.endIndex) >= size + 2 else { break }
            let end = buffer.index(start, offsetBy: size)
            out += buffer[start..<end]
            buffer = Data(buffer[buffer.index(end, offsetBy: 2)...])
        }
        return out
    }
}

/// A TCP connection to 127.0.0.1.
final class Socket {
    private let fd: Int32

    init(port: Int) throws {
        fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackHTTP.Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw LoopbackHTTP.Failure(description: "connect to port \(port): \(reason)")
        }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw LoopbackHTTP.Failure(description: "send: \(String(cString: strerror(errno)))") }
    }

    /// The next bytes, or nil at the end of the stream; throws at the deadline.
    func receive(until deadline: ContinuousClock.Instant) throws -> Data? {
        let left = deadline - .now
        guard left > .zero else { throw LoopbackHTTP.Failure(description: "timed out reading from the server") }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let (seconds, atto) = left.components
        let ms = Int32(clamping: seconds * 1000 + atto / 1_000_000_000_000_000 + 1)
        guard poll(&poller, 1, ms) > 0 else { throw LoopbackHTTP.Failure(description: "timed out reading from the server") }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw LoopbackHTTP.Failure(description: "recv: \(String(cString: strerror(errno)))") }
        return count == 0 ? nil : Data(buffer[0..<count])
    }

    func close() {
        Glibc.close(fd)
    }
}
#endif
