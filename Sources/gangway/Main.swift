import ArgumentParser
import Foundation
import GangwayCore

extension Gangway {
    /// ArgumentParser's error lines start `error: `, like every other line Gangway prints.
    static var _errorPrefix: String { "error: " }

    /// The entry point: `-V` and `--version`, a mistyped command's suggestion, then ArgumentParser,
    /// with every error printed as a plain `error: …` line.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Anywhere before `--`, so `gangway build --version` says the same as `gangway -V`.
        if arguments.prefix(while: { $0 != "--" }).contains(where: { $0 == "-V" || $0 == "--version" }) {
            print(GangwayVersion.text)
            return
        }
        if let (message, command) = CommandSuggestion.unknownCommand(in: arguments, root: Gangway.self) {
            let usage = Gangway.usageString(for: command)
            let name = CommandSuggestion.path(of: command, root: Gangway.self)
            FileHandle.standardError.write(Data("error: \(message)\nUsage: \(usage)\n  See '\(name) --help' for more information.\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success {
                print(text)
            } else if !text.isEmpty {
                FileHandle.standardError.write(Data((CommandSuggestion.polish(text) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// "Did you mean" for commands, and ArgumentParser's messages in Gangway's voice.
enum CommandSuggestion {
    /// The first word that should name a subcommand but names none: the message and the
    /// command whose subcommands were expected.
    static func unknownCommand(in arguments: [String], root: ParsableCommand.Type) -> (String, ParsableCommand.Type)? {
        var command = root
        for word in arguments {
            if word.hasPrefix("-") { return nil }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            var names: [String] = []
            var next: ParsableCommand.Type?
            for sub in subcommands {
                let name = name(of: sub)
                names.append(name)
                if name == word { next = sub }
            }
            if let next {
                command = next
                continue
            }
            if word == "help" { return nil }
            var message = "unknown command '\(word)'"
            if let near = Suggest.closest(to: word, among: names) {
                message += " (did you mean '\(near)'?)"
            } else {
                message += "; the commands are: \(names.joined(separator: ", "))"
            }
            return (message, command)
        }
        return nil
    }

    static func name(of command: ParsableCommand.Type) -> String {
        command._commandName
    }

    /// `gangway new` for New: the names from the root down to `command`.
    static func path(of command: ParsableCommand.Type, root: ParsableCommand.Type) -> String {
        func find(_ node: ParsableCommand.Type, _ trail: [String]) -> [String]? {
            let here = trail + [name(of: node)]
            if node == command { return here }
            for sub in node.configuration.subcommands {
                if let found = find(sub, here) { return found }
            }
            return nil
        }
        return (find(root, []) ?? [name(of: root)]).joined(separator: " ")
    }

    /// The first line lower-cased like Gangway's own messages (`error: unknown option '--sorce'
    /// (did you mean '--source'?)`), the rest as ArgumentParser wrote it.
    static func polish(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard var first = lines.first, first.hasPrefix("error: ") else { return text }
        var message = String(first.dropFirst("error: ".count))
        if let c = message.first, c.isUppercase, message.dropFirst().first?.isLowercase == true {
            message = c.lowercased() + message.dropFirst()
        }
        if let range = message.range(of: ". Did you mean ") {
            let suggestion = message[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "?"))
            message = message[..<range.lowerBound] + " (did you mean \(suggestion)?)"
        }
        if let range = message.range(of: ". Please provide one of ") {
            message = message[..<range.lowerBound] + ": use one of " + message[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        first = "error: " + message
        lines[0] = first
        return lines.joined(separator: "\n")
    }
}
