/// One template to compile: the name partials and parents call it by, its text, and the file
/// its diagnostics point at.
public struct TemplateSource: Sendable {
    public var name: String
    public var text: String
    public var file: String

    public init(name: String, text: String, file: String) {
        self.name = name
        self.text = text
        self.file = file
    }
}
