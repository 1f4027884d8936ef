import GangwayCore

/// What `gangway serve` shows before the site has ever built: the diagnostics, escaped, and the
/// live-reload script, so the real site replaces this page as soon as the errors are fixed.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.filter { $0.severity == .error }.map { d -> String in
            let location = "\(d.location.file):\(d.location.line):\(d.location.column)"
            var item = "<li><code>\(XMLText.escape(location))</code> \(XMLText.escape(d.message))"
            if let hint = d.hint { item += "<br><small>\(XMLText.escape(hint))</small>" }
            return item + "</li>"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>The site has errors · gangway serve</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}code{font-weight:600}li{margin:.5rem 0}</style>
        </head>
        <body>
        <main>
        <h1>The site has errors</h1>
        <p>Gangway could not build the site. Fix these and this page turns into the site by itself.</p>
        <ul>
        \(items.joined(separator: "\n"))
        </ul>
        </main>
        <script src="/__gangway/live.js"></script>
        </body>
        </html>

        """
    }
}
