#if canImport(Glibc)
import Foundation
import Testing

/// The real `gangway serve` on 127.0.0.1 answers ranges, NUL bytes and double slashes as a
/// careful static server does (RFC 9110 §14 for ranges; no open redirect).
@Suite(.serialized) struct ServeRequestGuardTests {
    @Test func rangesNULAndDoubleSlashes() throws {
        let source = try ServeFixtures.copySite()
        defer { ServeFixtures.removeCopy(source) }
        let server = try ServeProcess(source: source)
        let http = LoopbackHTTP(port: server.port)

        let whole = try http.get("/robots.txt")
        #expect(whole.status == 200)
        let size = whole.body.utf8.count
        #expect(size > 20)

        let head = try http.get("/robots.txt", headers: ["Range: bytes=0-9"])
        #expect(head.status == 206)
        #expect(head.headers["content-range"] == "bytes 0-9/\(size)")
        #expect(head.body == String(whole.body.prefix(10)))

        let tail = try http.get("/robots.txt", headers: ["Range: bytes=-5"])
        #expect(tail.status == 206, "a suffix range is the last bytes")
        #expect(tail.headers["content-range"] == "bytes \(size - 5)-\(size - 1)/\(size)")
        #expect(tail.body == String(whole.body.suffix(5)))

        let open = try http.get("/robots.txt", headers: ["Range: bytes=\(size - 3)-"])
        #expect(open.status == 206 && open.body == String(whole.body.suffix(3)))
        let clipped = try http.get("/robots.txt", headers: ["Range: bytes=\(size - 2)-\(size + 100)"])
        #expect(clipped.status == 206 && clipped.headers["content-length"] == "2")

        for range in ["bytes=\(size)-", "bytes=\(size + 10)-\(size + 20)", "bytes=-0", "bytes=99999999999999999999999-"] {
            let page = try http.get("/robots.txt", headers: ["Range: \(range)"])
            #expect(page.status == 416, "\(range): \(page.status)")
            #expect(page.headers["content-range"] == "bytes */\(size)", "\(range)")
            #expect(!(page.headers["content-length"] ?? "").hasPrefix("-"))
        }
        for ignored in ["bytes=5-2", "bytes=0-1,4-5", "pages=1-2", "bytes=x-"] {
            let page = try http.get("/robots.txt", headers: ["Range: \(ignored)"])
            #expect(page.status == 200 && page.body == whole.body, "\(ignored): \(page.status)")
        }
        let index = try http.get("/", headers: ["Range: bytes=0-4"])
        #expect(index.status == 206 && index.body == "<!DOC")

        for path in ["/index.html%00.txt", "/index.html%00", "/%00", "/index.html%0A.txt", "/robots.txt%1B"] {
            #expect(try http.get(path).status == 400, "\(path)")
        }

        for path in ["//clinics", "//clinics/", "///evil.example/", "/guides//demo/", "//"] {
            let page = try http.get(path)
            let location = page.headers["location"] ?? ""
            #expect(!location.hasPrefix("//") && !location.contains("\\"), "\(path) redirects to another host: \(location)")
            #expect(page.status == 301 || page.status == 404, "\(path): \(page.status)")
        }
        #expect(try http.get("//clinics").headers["location"] == "/clinics")
        #expect(try http.get("/guides//demo/").headers["location"] == "/guides/demo/")
        #expect(try http.get("/\\evil.example/").status == 404)

        #expect(try server.interrupt() == 0)
    }
}
#endif
