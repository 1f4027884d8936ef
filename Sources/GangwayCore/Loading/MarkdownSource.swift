/// A Markdown source file, read and split.
struct MarkdownSource {
    let path: String
    let text: FrontMatterFile

    /// The front matter as a mapping reader, with credentials and unknown keys reported.
    /// The third value holds the known keys that an unknown key was taken for (see `requiredString(_:hint:misspelt:into:)`).
    func frontMatter(what: String, keys: [String], into diagnostics: inout [Diagnostic]) -> (MappingReader, YAMLDocument, Set<String>)? {
        guard let yaml = text.yaml else { return nil }
        var doc = YAMLDocument(file: path, lineOffset: text.yamlLineOffset)
        guard let node = doc.parse(yaml, into: &diagnostics) else { return nil }
        CredentialScan.scan(node, doc: doc, into: &diagnostics)
        guard let map = MappingReader(node, doc: doc, what: what, into: &diagnostics) else { return nil }
        let misspelt = map.checkKeys(known: keys, into: &diagnostics)
        return (map, doc, misspelt)
    }
}

func readMarkdown(_ path: String, tree: SourceTree, into diagnostics: inout [Diagnostic]) -> MarkdownSource? {
    guard let raw = SourceText.read(path: tree.path(path), relativePath: path, into: &diagnostics),
          let split = FrontMatterFile.split(raw, file: path, into: &diagnostics) else { return nil }
    return MarkdownSource(path: path, text: split)
}
