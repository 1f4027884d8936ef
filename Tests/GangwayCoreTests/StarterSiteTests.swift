import Foundation
import Testing
@testable import GangwayCore

/// The starter embedded in the binary must be the example portal's files, byte for byte.
@Suite struct StarterSiteTests {
    @Test func embeddedStarterMatchesTheExamplePortal() throws {
        let files = StarterSite.files
        #expect(files.contains { $0.path == "gangway.yml" })
        #expect(files.contains { $0.path == "templates/clinic.mustache" })
        for file in files {
            let onDisk = FileManager.default.contents(atPath: Fixtures.packageRoot.appendingPathComponent(file.path).path)
            #expect(onDisk == file.data, "\(file.path) differs from the embedded copy: run scripts/embed-starter")
        }
        var onDiskTemplates: [String] = []
        let templates = Fixtures.packageRoot.appendingPathComponent("templates")
        for (path, _) in Fixtures.tree(templates) { onDiskTemplates.append("templates/" + path) }
        let embedded = Set(files.map(\.path))
        for path in onDiskTemplates.sorted() {
            #expect(embedded.contains(path), "\(path) is not embedded: run scripts/embed-starter")
        }
    }

    /// `init` builds both sites and says which folder goes where, and keeps both out of git.
    @Test func theStarterSaysWhereEachSiteGoes() throws {
        let folder = try Fixtures.temporaryFolder().appendingPathComponent("site")
        try StarterSite.write(to: folder)
        let gitignore = try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(gitignore.split(separator: "\n").contains("/public/") && gitignore.split(separator: "\n").contains("/team/"))
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("`public/` is the clinic portal. Put it on any static host."))
        #expect(readme.contains("Host it only behind your team's login"))
        let config = try String(contentsOf: folder.appendingPathComponent("gangway.yml"), encoding: .utf8)
        #expect(config.contains("\ndashboard: true\n"))
    }
}
