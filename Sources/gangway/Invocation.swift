import Foundation

/// How to run this same binary again from a shell: `gangway` when that name on the PATH is this
/// binary, else its absolute path, so a printed next step works whether or not it was installed.
enum Invocation {
    static var command: String {
        guard let me = executablePath else { return "gangway" }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("gangway").path
            if FileManager.default.isExecutableFile(atPath: candidate),
               URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path == me {
                return "gangway"
            }
            if FileManager.default.isExecutableFile(atPath: candidate) { break }  // another gangway comes first on the PATH
        }
        return shellQuoted(me)
    }

    /// `word` as one shell word: as it is when it holds only safe characters, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:+@%")
        if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static var executablePath: String? {
        #if os(Linux)
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target).resolvingSymlinksInPath().path
        }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }
}
