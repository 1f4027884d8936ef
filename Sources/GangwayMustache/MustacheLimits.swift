/// How deep templates may nest. Both limits keep the renderer's recursion, and so its stack,
/// bounded whatever the templates say.
public enum MustacheLimits {
    /// Sections, parents and blocks open inside each other in one template.
    public static let nesting = 100
    /// Partials, parents and block overrides expanded inside each other while rendering.
    public static let renderDepth = 100
}
