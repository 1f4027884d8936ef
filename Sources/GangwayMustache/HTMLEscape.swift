extension Array where Element == UInt8 {
    /// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped as swift-mustache escapes them
    /// (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;`), copying the runs in between in bulk.
    mutating func appendEscapingHTML(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var run = 0
            for i in 0..<source.count {
                let byte = source[i]
                guard byte <= UInt8(ascii: ">") else { continue }  // every escaped byte is <= '>'
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                if run < i { append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<i])) }
                replacement.withUTF8Buffer { append(contentsOf: $0) }
                run = i + 1
            }
            if run < source.count { append(contentsOf: UnsafeBufferPointer(rebasing: source[run...])) }
        }
    }

    /// Appends the decimal digits of `number`, as `String(number)` writes them.
    mutating func appendDecimal(_ number: Int) {
        if number >= 0 && number < 10 {
            append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        append(contentsOf: String(number).utf8)
    }
}
