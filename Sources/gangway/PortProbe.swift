import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Binds the address serve will listen on, then lets it go: a busy port is reported before the
/// first build instead of after it. The server still reports a port taken in between.
enum PortProbe {
    /// Why `host:port` cannot be listened on, or nil when it can (port 0 always can).
    static func problem(host: String, port: Int) -> String? {
        guard port != 0 else { return nil }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_flags = AI_PASSIVE
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &found)
        guard status == 0, let first = found else {
            return "cannot listen on \(host): \(String(cString: gai_strerror(status)))"
        }
        defer { freeaddrinfo(found) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return nil }  // no socket to probe with: let the server say what is wrong
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            let code = errno
            if code == EADDRINUSE {
                return "port \(port) on \(host) is already in use: stop the program using it, or pick another port with --port (--port 0 picks a free one)"
            }
            return "cannot listen on \(host) port \(port): \(String(cString: strerror(code)))"
        }
        return nil
    }
}
