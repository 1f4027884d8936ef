import CCMark

/// CommonMark to HTML through the cmark C library. The only code that imports CCMark.
public enum Markdown {
    /// Renders `text`. Unless `unsafe`, cmark's safe mode drops raw HTML and
    /// javascript:, vbscript:, file: and non-image data: links.
    public static func html(_ text: String, unsafe: Bool = false) -> String {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART
        if unsafe { options |= CMARK_OPT_UNSAFE }
        let utf8 = Array(text.utf8)
        guard let rendered = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_markdown_to_html($0, buffer.count, options)
                }
            }
        }) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The version of the cmark library Gangway runs with, like `0.31.1`.
    public static var cmarkVersion: String {
        String(cString: cmark_version_string())
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
